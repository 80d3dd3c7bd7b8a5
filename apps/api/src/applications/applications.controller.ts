import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, UploadedFiles, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  ApplicationsQuery,
  MAX_PROOF_DOCUMENTS,
  MemberApplicationActionsService,
  PROOF_DOCUMENTS_FIELD,
  SUBMISSION_FILES,
  SubmitApplicationService,
  type ApplicationSummary,
  type MemberApplicationDetail,
} from '#app/applications';
import type { SessionEntity } from '#app/auth';
import { MEMBER_TYPES } from '#app/members';
import type { ApplicationFlowView } from '#workflows/required-info-application/application.types';
import { memberActor } from '../auth/client-actor.js';
import { CurrentSession, MemberAuthGuard } from '../auth/guards.js';
import { DocumentUploadInterceptor } from '../uploads/document-upload.interceptor.js';
import { toUploadedFiles, type MulterMemoryFile } from '../uploads/uploaded-files.js';
import { SubmitApplicationDto, SubmittedApplicationDto } from './applications.dto.js';

const UPLOAD_RULES =
  'Files: PDF, PNG or JPEG decided by content (UNSUPPORTED_DOCUMENT_TYPE), at most 10 MiB each (DOCUMENT_TOO_LARGE); empty files or wrong counts are VALIDATION_FAILED. All or nothing.';

@ApiTags('required-info-applications')
@ApiBearerAuth()
@UseGuards(MemberAuthGuard)
@Controller('me/required-info-applications')
export class ApplicationsController {
  constructor(
    private readonly submissions: SubmitApplicationService,
    private readonly applications: ApplicationsQuery,
    private readonly actions: MemberApplicationActionsService,
  ) {}

  @Post()
  @UseInterceptors(DocumentUploadInterceptor(SUBMISSION_FILES))
  @ApiOperation({
    summary: 'Apply to change required information (member type, name, business name, business registration number)',
    description: `At least one requested value must differ from the current one. Errors: APPLICATION_ALREADY_OPEN, INVALID_BUSINESS_REGISTRATION_NUMBER, VALIDATION_FAILED. ${UPLOAD_RULES}`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['reason', 'applicationForm', 'proofDocuments'],
      properties: {
        memberType: { type: 'string', enum: [...MEMBER_TYPES] },
        name: { type: 'string', maxLength: 100 },
        businessName: { type: 'string', maxLength: 200 },
        businessRegistrationNumber: { type: 'string' },
        reason: { type: 'string', maxLength: 2000 },
        applicationForm: { type: 'string', format: 'binary', description: 'The filled application form' },
        proofDocuments: { type: 'array', minItems: 1, maxItems: MAX_PROOF_DOCUMENTS, items: { type: 'string', format: 'binary' } },
      },
    },
  })
  @ApiCreatedResponse({ type: SubmittedApplicationDto })
  submit(
    @CurrentSession() session: SessionEntity,
    @Body() body: SubmitApplicationDto,
    @UploadedFiles() files: Record<string, MulterMemoryFile[]> | undefined,
    @Req() req: FastifyRequest,
  ): Promise<SubmittedApplicationDto> {
    return this.submissions.submit(session.memberId, body, toUploadedFiles(files), memberActor(req, session));
  }

  @Get()
  @ApiOperation({ summary: 'Your applications, newest first' })
  list(@CurrentSession() session: SessionEntity): Promise<ApplicationSummary[]> {
    return this.applications.listForMember(session.memberId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your applications with its history, documents, information request or rejection reason' })
  detail(@CurrentSession() session: SessionEntity, @Param('id', new ParseUUIDPipe()) id: string): Promise<MemberApplicationDetail> {
    return this.applications.detailForMember(session.memberId, id);
  }

  @Post(':id/documents')
  @HttpCode(200)
  @UseInterceptors(DocumentUploadInterceptor([{ name: PROOF_DOCUMENTS_FIELD, minFiles: 1, maxFiles: MAX_PROOF_DOCUMENTS }], { textFields: false }))
  @ApiOperation({
    summary: 'Answer an information request with more proof documents (only in INFO_REQUESTED)',
    description: `Errors: INVALID_STATE. ${UPLOAD_RULES}`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    // Files only: a text part is refused (400), and so is a part in any other field.
    schema: {
      type: 'object',
      required: [PROOF_DOCUMENTS_FIELD],
      properties: { [PROOF_DOCUMENTS_FIELD]: { type: 'array', minItems: 1, maxItems: MAX_PROOF_DOCUMENTS, items: { type: 'string', format: 'binary' } } },
      additionalProperties: false,
    },
  })
  addDocuments(
    @CurrentSession() session: SessionEntity,
    @Param('id', new ParseUUIDPipe()) id: string,
    @UploadedFiles() files: Record<string, MulterMemoryFile[]> | undefined,
  ): Promise<ApplicationFlowView> {
    return this.actions.addDocuments(session.memberId, id, toUploadedFiles(files));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the application before a decision', description: 'Errors: INVALID_STATE (already decided).' })
  withdraw(@CurrentSession() session: SessionEntity, @Param('id', new ParseUUIDPipe()) id: string): Promise<ApplicationFlowView> {
    return this.actions.withdraw(session.memberId, id);
  }
}
