import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DOCUMENT_MEDIA_TYPES } from '#app/documents';
import { InquiryInboxService, type InboxPage, type InquiryThreadView } from '#app/support';
import { ApiProblemResponses, documentDownload } from '#app/web';
import { reviewerActor, type ReviewerRequest } from '../auth/reviewer-request.js';
import { ReviewerAuth } from '../auth/roles.guard.js';
import { CreatedReplyDto, InboxPageDto, InboxQueryDto, InquiryReplyBodyDto, InquiryThreadDto } from './inquiry.dto.js';

const SIGNED_IN = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN (a cookie request without the CSRF token)' };

/** The support inbox for reviewers (product.md §5 "Contact us", §6). */
@ApiTags('inquiries')
@Controller('inquiries')
@ReviewerAuth()
export class InquiriesController {
  constructor(private readonly inbox: InquiryInboxService) {}

  @Get()
  @ApiOperation({ summary: 'The support inbox, oldest first, by status; keyset-paginated (cursor, limit ≤ 100)' })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiProblemResponses({ 400: 'VALIDATION_FAILED (status, cursor or limit)', 401: 'UNAUTHENTICATED' })
  list(@Query() query: InboxQueryDto): Promise<InboxPage> {
    return this.inbox.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An inquiry with its attachments and replies' })
  @ApiOkResponse({ type: InquiryThreadDto })
  @ApiProblemResponses({ 400: 'VALIDATION_FAILED (not a UUID)', 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND' })
  thread(@Param('id', new ParseUUIDPipe()) id: string): Promise<InquiryThreadView> {
    return this.inbox.thread(id);
  }

  @Get(':id/attachments/:documentId')
  @ApiOperation({ summary: 'An attachment of the inquiry (Content-Disposition: attachment, nosniff); ?inline=true to view it' })
  @ApiProduces(...DOCUMENT_MEDIA_TYPES)
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiProblemResponses({ 400: 'VALIDATION_FAILED (not a UUID)', 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND (no such attachment of this inquiry)' })
  async attachment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
    @Query('inline') inline: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return documentDownload(res, await this.inbox.openAttachment(id, documentId), { inline: inline === 'true' });
  }

  @Post(':id/replies')
  @ApiOperation({ summary: 'Answer the inquiry: it becomes ANSWERED and the member is emailed in their language' })
  @ApiCreatedResponse({ type: CreatedReplyDto })
  @ApiProblemResponses({
    400: 'VALIDATION_FAILED',
    ...SIGNED_IN,
    404: 'NOT_FOUND',
    409: 'INVALID_STATE (the inquiry is closed)',
    503: 'SERVICE_UNAVAILABLE (the email could not be sent; no reply recorded)',
  })
  reply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: InquiryReplyBodyDto,
    @Req() req: ReviewerRequest,
  ): Promise<{ id: string; createdAt: string }> {
    const actor = reviewerActor(req);
    return this.inbox.reply(id, body.body, { ...actor, id: actor.id! });
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the inquiry (from OPEN or ANSWERED)' })
  @ApiOkResponse({ type: InquiryThreadDto })
  @ApiProblemResponses({ 400: 'VALIDATION_FAILED (not a UUID)', ...SIGNED_IN, 404: 'NOT_FOUND', 409: 'INVALID_STATE (already closed)' })
  close(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: ReviewerRequest): Promise<InquiryThreadView> {
    return this.inbox.close(id, reviewerActor(req));
  }
}
