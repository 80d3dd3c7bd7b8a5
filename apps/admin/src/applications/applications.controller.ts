import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBase64, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { Response } from 'express';
import {
  ApplicationFlowClient,
  ApplicationsQuery,
  type QueuePage,
  type ReviewerApplicationDetail,
} from '#app/applications';
import { DocumentsService } from '#app/documents';
import { documentDownload } from '#app/web';
import type { ReviewerPrincipal } from '#app/reviewers';
import type { ApplicationFlowView, ApplicationStatus } from '#workflows/required-info-application/application.types';
import {
  approveApplication,
  claimApplication,
  rejectApplication,
  releaseApplication,
  requestInformation,
} from '#workflows/required-info-application/required-info-application.workflow';
import { CurrentReviewer } from '../auth/current-reviewer.js';
import { ReviewerAuth } from '../auth/roles.guard.js';

const STATUSES: ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'];

class QueueQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'Default: SUBMITTED and IN_REVIEW' })
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
  @IsBase64({ urlSafe: true })
  @Length(1, 200)
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

const DECISION_ERRORS = 'Errors: INVALID_STATE (not at this step, or another action in progress), FORBIDDEN (not the claimant), NOT_FOUND.';

@ApiTags('applications')
@ReviewerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsQuery,
    private readonly flows: ApplicationFlowClient,
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
  @ApiOperation({ summary: "A document of the application (Content-Disposition set, nosniff); ?inline=true to view it in the browser" })
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
    return this.flows.act(id, claimApplication, principal.reviewer.id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a claimed application back in the queue (claimant only)', description: DECISION_ERRORS })
  release(@Param('id', new ParseUUIDPipe()) id: string, @CurrentReviewer() principal: ReviewerPrincipal): Promise<ApplicationFlowView> {
    return this.flows.act(id, releaseApplication, principal.reviewer.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve: the requested values are applied to the member (claimant only)', description: DECISION_ERRORS })
  approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentReviewer() principal: ReviewerPrincipal): Promise<ApplicationFlowView> {
    return this.flows.act(id, approveApplication, principal.reviewer.id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject with a reason shown to the member (claimant only)', description: DECISION_ERRORS })
  reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectDto, @CurrentReviewer() principal: ReviewerPrincipal): Promise<ApplicationFlowView> {
    return this.flows.act(id, rejectApplication, principal.reviewer.id, body.reason);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the member for more information; 14 days to answer (claimant only)', description: DECISION_ERRORS })
  requestInfo(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RequestInfoDto, @CurrentReviewer() principal: ReviewerPrincipal): Promise<ApplicationFlowView> {
    return this.flows.act(id, requestInformation, principal.reviewer.id, body.message);
  }
}
