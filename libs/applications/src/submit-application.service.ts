import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentsService, type UploadedFile } from '#app/documents';
import {
  MembersRepository,
  isBusinessType,
  isValidBusinessRegistrationNumber,
  normaliseBusinessRegistrationNumber,
  throwIfFieldErrors,
  type FieldError,
  type MemberEntity,
  type MemberType,
} from '#app/members';
import type { ApplicationSubmission } from '#workflows/required-info-application/application.contract';
import { ApplicationFlowClient } from './application-flow.client.js';
import { ApplicationTransitionsService } from './application-transitions.service.js';
import { needsFourEyes } from './four-eyes.js';

export const APPLICATION_FORM_FIELD = 'applicationForm';
export const PROOF_DOCUMENTS_FIELD = 'proofDocuments';
export const MAX_PROOF_DOCUMENTS = 4;
export const SUBMISSION_FILES = [
  { name: APPLICATION_FORM_FIELD, minFiles: 1, maxFiles: 1 },
  { name: PROOF_DOCUMENTS_FIELD, minFiles: 1, maxFiles: MAX_PROOF_DOCUMENTS },
];

export interface RequestedValues {
  readonly memberType?: MemberType;
  readonly name?: string;
  readonly businessName?: string;
  readonly businessRegistrationNumber?: string;
}

export interface SubmitApplicationCommand extends RequestedValues {
  readonly reason: string;
}

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** Submits an application: checks and documents here, then the review workflow writes the row (update-with-start). */
@Injectable()
export class SubmitApplicationService {
  private readonly logger = new Logger(SubmitApplicationService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly documents: DocumentsService,
    private readonly transitions: ApplicationTransitionsService,
    private readonly flows: ApplicationFlowClient,
  ) {}

  async submit(
    memberId: string,
    command: SubmitApplicationCommand,
    files: readonly UploadedFile[],
    actor: AuditActor,
  ): Promise<{ id: string; status: 'SUBMITTED' }> {
    const member = await this.members.findById(memberId);
    if (!member) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session has no member');
    const requested = this.checkRequestedValues(member, command);
    const uploads = this.documents.validate(files, SUBMISSION_FILES);
    const id = randomUUID();
    // The documents first, unlinked (no application yet); the workflow's first activity inserts
    // the row and links them in one transaction. Nothing here writes the row: no dual write.
    const stored = await this.documents.transaction(uploads, (_manager, writer) =>
      writer.store({
        ownerMemberId: memberId,
        documents: uploads.map((upload) => ({ upload, kind: upload.field === APPLICATION_FORM_FIELD ? ('APPLICATION_FORM' as const) : ('PROOF' as const) })),
      }),
    );
    const submission: ApplicationSubmission = {
      requestedMemberType: requested.memberType ?? null,
      requestedName: requested.name ?? null,
      requestedBusinessName: requested.businessName ?? null,
      requestedBusinessRegistrationNumber: requested.businessRegistrationNumber ?? null,
      reason: command.reason.trim(),
      documentIds: stored.map((document) => document.id),
      submittedAt: new Date().toISOString(),
      actor: { type: 'MEMBER', id: memberId, clientIp: actor.clientIp ?? null, userAgent: actor.userAgent ?? null },
    };
    try {
      await this.flows.submit(id, memberId, needsFourEyes(member, requested, this.config.reviewFourEyesFields), submission);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.APPLICATION_ALREADY_OPEN) throw error; // the workflow removed the documents
      // No answer. A workflow that did start links the documents (or removes them) itself; only
      // when it surely does not exist are they removed here. Unknown (Temporal unreachable): kept.
      if ((await this.flows.exists(id)) === false) {
        this.logger.warn(`review workflow not started for ${id}; its documents removed`);
        await this.transitions
          .discardUnlinked(memberId, submission.documentIds)
          .catch((discardError: unknown) =>
            this.logger.warn(`documents of ${id} not removed (${(discardError as Error).message}); they stay as unlinked rows`),
          );
      }
      throw error;
    }
    return { id, status: 'SUBMITTED' };
  }

  /** The requested values, normalised; at least one must differ from the member's current data. */
  private checkRequestedValues(member: MemberEntity, command: RequestedValues): RequestedValues {
    const requested: RequestedValues = {
      memberType: command.memberType,
      name: blankToUndefined(command.name),
      businessName: blankToUndefined(command.businessName),
      businessRegistrationNumber: blankToUndefined(command.businessRegistrationNumber)
        ? normaliseBusinessRegistrationNumber(command.businessRegistrationNumber!)
        : undefined,
    };
    const errors: FieldError[] = [];
    const changes =
      (requested.memberType !== undefined && requested.memberType !== member.memberType) ||
      (requested.name !== undefined && requested.name !== member.name) ||
      (requested.businessName !== undefined && requested.businessName !== member.businessName) ||
      (requested.businessRegistrationNumber !== undefined && requested.businessRegistrationNumber !== member.businessRegistrationNumber);
    if (!changes) errors.push({ field: 'requestedValues', rules: ['atLeastOneChange'] });
    const resultingType = requested.memberType ?? member.memberType;
    if (isBusinessType(resultingType)) {
      if (!(requested.businessName ?? member.businessName)) errors.push({ field: 'businessName', rules: ['requiredForBusinessMembers'] });
      if (!(requested.businessRegistrationNumber ?? member.businessRegistrationNumber)) {
        errors.push({ field: 'businessRegistrationNumber', rules: ['requiredForBusinessMembers'] });
      }
    } else {
      if (requested.businessName !== undefined) errors.push({ field: 'businessName', rules: ['onlyForBusinessMembers'] });
      if (requested.businessRegistrationNumber !== undefined) errors.push({ field: 'businessRegistrationNumber', rules: ['onlyForBusinessMembers'] });
    }
    throwIfFieldErrors(errors);
    if (requested.businessRegistrationNumber !== undefined && !isValidBusinessRegistrationNumber(requested.businessRegistrationNumber)) {
      throw new DomainError(ErrorCode.INVALID_BUSINESS_REGISTRATION_NUMBER, 'The business registration number is not valid (10 digits with a check digit)');
    }
    return requested;
  }
}
