import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentEntity, DocumentsService, type UploadedFile } from '#app/documents';
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
import { isUniqueViolation } from '#app/persistence';
import { ApplicationEventEntity } from './application-event.entity.js';
import { RequiredInfoApplicationEntity } from './application.entity.js';
import { ApplicationFlowClient } from './application-flow.client.js';

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

/** Submits an application: checks, documents and row all or nothing, then the review workflow. */
@Injectable()
export class SubmitApplicationService {
  private readonly logger = new Logger(SubmitApplicationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditTrail,
    private readonly flows: ApplicationFlowClient,
  ) {}

  async submit(memberId: string, command: SubmitApplicationCommand, files: readonly UploadedFile[], actor: AuditActor): Promise<{ id: string; status: 'SUBMITTED' }> {
    const member = await this.members.findById(memberId);
    if (!member) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session has no member');
    const requested = this.checkRequestedValues(member, command);
    const uploads = this.documents.validate(files, SUBMISSION_FILES);
    const id = randomUUID();
    const now = new Date();
    try {
      await this.documents.transaction(async (manager, writer) => {
        await manager.insert(RequiredInfoApplicationEntity, {
          id,
          memberId,
          openMemberId: memberId,
          status: 'SUBMITTED',
          requestedMemberType: requested.memberType ?? null,
          requestedName: requested.name ?? null,
          requestedBusinessName: requested.businessName ?? null,
          requestedBusinessRegistrationNumber: requested.businessRegistrationNumber ?? null,
          reason: command.reason.trim(),
          claimedBy: null,
          infoRequestMessage: null,
          rejectionReason: null,
          decidedBy: null,
          decidedAt: null,
          overdue: false,
          submittedAt: now,
          statusSince: now,
        });
        await manager.insert(ApplicationEventEntity, {
          id: randomUUID(),
          applicationId: id,
          occurredAt: now,
          actorType: 'MEMBER',
          actorId: memberId,
          fromStatus: null,
          toStatus: 'SUBMITTED',
          note: null,
          transitionKey: `${id}:submitted`,
        });
        await writer.store({
          ownerMemberId: memberId,
          applicationId: id,
          documents: uploads.map((upload) => ({ upload, kind: upload.field === APPLICATION_FORM_FIELD ? ('APPLICATION_FORM' as const) : ('PROOF' as const) })),
        });
        await this.audit.record(manager, actor, { action: 'APPLICATION_SUBMITTED', memberId, after: { applicationId: id, requested } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.APPLICATION_ALREADY_OPEN, 'You already have an open application; wait for its decision or withdraw it');
      throw error;
    }
    try {
      await this.flows.start(id, memberId);
    } catch (error) {
      // Without its workflow the application could never move: take it back entirely.
      this.logger.warn(`review workflow not started for ${id}; submission undone`);
      await this.undo(id);
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

  private async undo(applicationId: string): Promise<void> {
    const stored = await this.documents.listForApplication(applicationId);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(DocumentEntity, { applicationId });
      await manager.delete(RequiredInfoApplicationEntity, { id: applicationId });
    });
    await this.documents.discard(stored);
  }
}
