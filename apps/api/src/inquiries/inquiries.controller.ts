import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile, UploadedFiles, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionEntity } from '#app/auth';
import { DOCUMENT_MEDIA_TYPES, MAX_DOCUMENT_BYTES } from '#app/documents';
import {
  INQUIRY_ATTACHMENTS_FIELD,
  INQUIRY_BODY_MAX_LENGTH,
  INQUIRY_CATEGORIES,
  INQUIRY_MAX_ATTACHMENTS,
  INQUIRY_STATUSES,
  InquiriesService,
  type InquiryThreadView,
} from '#app/support';
import { ApiProblemResponses, documentDownload } from '#app/web';
import { memberActor } from '../auth/client-actor.js';
import { CurrentSession, MemberAuthGuard } from '../auth/guards.js';
import { DocumentUploadInterceptor } from '../uploads/document-upload.interceptor.js';
import { toUploadedFiles, type MulterMemoryFile } from '../uploads/uploaded-files.js';
import { InquiryReplyDto } from './dto/inquiry-reply.dto.js';
import { SubmitInquiryDto } from './dto/submit-inquiry.dto.js';

const ATTACHMENTS = [{ name: INQUIRY_ATTACHMENTS_FIELD, minFiles: 0, maxFiles: INQUIRY_MAX_ATTACHMENTS }];

class SubmittedInquiryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class InquiryAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The uploaded file name, sanitised' }) name!: string;
  @ApiProperty({ enum: DOCUMENT_MEDIA_TYPES, description: 'Detected from the content' }) mediaType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
}

class InquiryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INQUIRY_CATEGORIES }) category!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: INQUIRY_STATUSES, description: 'OPEN (with support) → ANSWERED (your turn) → CLOSED; your reply reopens an ANSWERED one' })
  status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [InquiryAttachmentDto] }) attachments!: InquiryAttachmentDto[];
}

class InquiryMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['MEMBER', 'REVIEWER'], description: 'REVIEWER: an answer from support' }) author!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class InquiryThreadDto extends InquiryDto {
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({ type: [InquiryMessageDto], description: 'The conversation after the first message, oldest first' }) replies!: InquiryMessageDto[];
}

@ApiTags('support')
@ApiBearerAuth()
@UseGuards(MemberAuthGuard)
@Controller()
export class InquiriesController {
  constructor(private readonly inquiries: InquiriesService) {}

  @Post('support/inquiries')
  @UseInterceptors(DocumentUploadInterceptor(ATTACHMENTS))
  @ApiOperation({
    summary: '"Contact us": send an inquiry with up to 5 attachments',
    description:
      `Attachments: PDF, PNG or JPEG, decided by content; at most ${MAX_DOCUMENT_BYTES} bytes each (DOCUMENT_TOO_LARGE), ` +
      'other content is UNSUPPORTED_DOCUMENT_TYPE, empty files or more than 5 are VALIDATION_FAILED. All or nothing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['category', 'title', 'body'],
      properties: {
        category: { type: 'string', enum: [...INQUIRY_CATEGORIES] },
        title: { type: 'string', minLength: 1, maxLength: 200 },
        body: { type: 'string', minLength: 1, maxLength: 5000 },
        [INQUIRY_ATTACHMENTS_FIELD]: { type: 'array', maxItems: INQUIRY_MAX_ATTACHMENTS, items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @ApiCreatedResponse({ type: SubmittedInquiryDto })
  async submit(
    @CurrentSession() session: SessionEntity,
    @Body() body: SubmitInquiryDto,
    @UploadedFiles() files: Record<string, MulterMemoryFile[]> | undefined,
    @Req() req: FastifyRequest,
  ): Promise<SubmittedInquiryDto> {
    const submitted = await this.inquiries.submit(session.memberId, body, toUploadedFiles(files), memberActor(req, session));
    return { id: submitted.id, createdAt: submitted.createdAt.toISOString() };
  }

  @Get('me/inquiries')
  @ApiOperation({ summary: 'Your inquiries, newest first (the 100 most recent), with attachment metadata' })
  @ApiOkResponse({ type: [InquiryDto] })
  async list(@CurrentSession() session: SessionEntity): Promise<InquiryDto[]> {
    const inquiries = await this.inquiries.listForMember(session.memberId);
    return inquiries.map((inquiry) => ({ ...inquiry, createdAt: inquiry.createdAt.toISOString() }));
  }

  @Get('me/inquiries/:id')
  @ApiOperation({ summary: 'One of your inquiries with its replies and attachments (another member’s is NOT_FOUND)' })
  @ApiOkResponse({ type: InquiryThreadDto })
  @ApiProblemResponses({ 400: 'VALIDATION_FAILED (not a UUID)', 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND' })
  async thread(@CurrentSession() session: SessionEntity, @Param('id', new ParseUUIDPipe()) id: string): Promise<Omit<InquiryThreadView, 'memberId'>> {
    const { memberId: _memberId, ...thread } = await this.inquiries.threadForMember(session.memberId, id);
    return thread;
  }

  @Post('me/inquiries/:id/replies')
  @UseInterceptors(DocumentUploadInterceptor(ATTACHMENTS))
  @ApiOperation({
    summary: 'Reply to one of your inquiries (up to 5 attachments); an ANSWERED inquiry is OPEN again',
    description:
      'JSON `{ body }` or multipart/form-data with `body` and `attachments` (files in JSON are an unknown field). A CLOSED inquiry refuses (INVALID_STATE). ' +
      `Attachments: PDF, PNG or JPEG, decided by content (UNSUPPORTED_DOCUMENT_TYPE); at most ${MAX_DOCUMENT_BYTES} bytes each (DOCUMENT_TOO_LARGE).`,
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['body'],
      properties: {
        body: { type: 'string', minLength: 1, maxLength: INQUIRY_BODY_MAX_LENGTH },
        [INQUIRY_ATTACHMENTS_FIELD]: { type: 'array', maxItems: INQUIRY_MAX_ATTACHMENTS, items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @ApiCreatedResponse({ type: SubmittedInquiryDto })
  async reply(
    @CurrentSession() session: SessionEntity,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: InquiryReplyDto,
    @UploadedFiles() files: Record<string, MulterMemoryFile[]> | undefined,
    @Req() req: FastifyRequest,
  ): Promise<SubmittedInquiryDto> {
    const reply = await this.inquiries.replyAsMember(session.memberId, id, body.body, toUploadedFiles(files), memberActor(req, session));
    return { id: reply.id, createdAt: reply.createdAt.toISOString() };
  }

  @Get('me/inquiries/:id/attachments/:documentId')
  @ApiOperation({ summary: 'Download an attachment of one of your inquiries (NOT_FOUND for any other)' })
  @ApiProduces(...DOCUMENT_MEDIA_TYPES)
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async attachment(
    @CurrentSession() session: SessionEntity,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    return documentDownload(res, await this.inquiries.openAttachment(session.memberId, id, documentId));
  }
}
