import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { ApplicationsQuery, ReviewActionsService, type QueuePage, type ReviewerApplicationDetail } from '#app/applications';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentsService } from '#app/documents';
import { documentDownload } from '#app/web';
import type { ReviewerPrincipal } from '#app/reviewers';
import { APPLICATION_STATUSES, type ApplicationFlowView, type ApplicationStatus } from '#workflows/required-info-application/application.contract';
import { CurrentReviewer } from '../auth/current-reviewer.js';
import { ReviewerAuth } from '../auth/roles.guard.js';

const STATUSES: ApplicationStatus[] = [...APPLICATION_STATUSES];

class QueueQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'Default: SUBMITTED, IN_REVIEW and AWAITING_SECOND_APPROVAL' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  // Opaque: the query decodes it and refuses an undecodable one (422), a rule no schema states.
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

class RejectDto {
  @ApiProperty({ description: 'Shown to the member', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

class RequestInfoDto {
  @ApiProperty({ description: 'What the member should send', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  message!: string;
}

class ReassignDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The reviewer who takes the claim over (or release: true)' })
  @IsOptional()
  @IsUUID()
  reviewerId?: string;

  @ApiPropertyOptional({ description: 'true: free the claim; the application returns to its queue unclaimed' })
  @IsOptional()
  @IsBoolean()
  release?: boolean;
}

const DECISION_ERRORS =
  'Errors: INVALID_STATE (not at this step), FORBIDDEN (not the claimant), FOUR_EYES_REQUIRED (422: the first approver cannot give the second approval), NOT_FOUND. Concurrent actions on one application run one after another.';

@ApiTags('applications')
@ReviewerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsQuery,
    private readonly actions: ReviewActionsService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The review queue, oldest first, overdue marked; keyset-paginated (cursor)' })
  queue(@Query() query: QueueQueryDto): Promise<QueuePage> {
    return this.applications.queue(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An application: current vs requested values, documents, history' })
  detail(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReviewerApplicationDetail> {
    return this.applications.detailForReviewer(id);
  }

  @Get(':id/documents/:documentId')
  @ApiOperation({ summary: 'A document of the application (Content-Disposition set, nosniff); ?inline=true to view it in the browser' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  async document(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
    @Query('inline') inline: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return documentDownload(res, await this.documents.open(documentId, { applicationId: id }), { inline: inline === 'true' });
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim the application: one reviewer at a time', description: DECISION_ERRORS })
  claim(@Param('id', new ParseUUIDPipe()) id: string, @CurrentReviewer() principal: ReviewerPrincipal): Promise<ApplicationFlowView> {
    return this.actions.claim(id, principal.reviewer.id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a claimed application back in the queue (claimant only)', description: DECISION_ERRORS })
  release(@Param('id', new ParseUUIDPipe()) id: string, @CurrentReviewer() principal: ReviewerPrincipal): Promise<ApplicationFlowView> {
    return this.actions.release(id, principal.reviewer.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve: the requested values are applied to the member (claimant only); four-eyes fields need a second, different reviewer',
    description: DECISION_ERRORS,
  })
  approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentReviewer() principal: ReviewerPrincipal): Promise<ApplicationFlowView> {
    return this.actions.approve(id, principal.reviewer.id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject with a reason shown to the member (claimant only)', description: DECISION_ERRORS })
  reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectDto, @CurrentReviewer() principal: ReviewerPrincipal): Promise<ApplicationFlowView> {
    return this.actions.reject(id, principal.reviewer.id, body.reason);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the member for more information; 14 days to answer (claimant only)', description: DECISION_ERRORS })
  requestInfo(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RequestInfoDto,
    @CurrentReviewer() principal: ReviewerPrincipal,
  ): Promise<ApplicationFlowView> {
    return this.actions.requestInformation(id, principal.reviewer.id, body.message);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @ReviewerAuth('ADMIN')
  @ApiOperation({
    summary: 'ADMIN: free ({release: true}) or hand over ({reviewerId}) a claim held by any reviewer; audited, the previous claimant told by email',
    description:
      'Errors: VALIDATION_FAILED (neither or both given, or no active reviewer), INVALID_STATE (not claimed, or that reviewer already holds it), FOUR_EYES_REQUIRED (to the first approver), FORBIDDEN (not ADMIN), NOT_FOUND.',
  })
  reassign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReassignDto,
    @CurrentReviewer() principal: ReviewerPrincipal,
  ): Promise<ApplicationFlowView> {
    if ((body.release === true) === (body.reviewerId !== undefined)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Give either reviewerId or release: true', {
        errors: [{ field: 'reviewerId', rules: ['exactlyOneOfReviewerIdOrRelease'] }],
      });
    }
    return this.actions.reassign(id, principal.reviewer.id, body.reviewerId ?? null);
  }
}
