import { Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentsService, type UploadedFile } from '#app/documents';
import { DECIDED_STATUSES, documentsAdded, withdrawApplication, type ApplicationFlowView } from '#workflows/required-info-application/application.contract';
import { ApplicationFlowClient } from './application-flow.client.js';
import { ApplicationsQuery } from './applications.query.js';
import { MAX_PROOF_DOCUMENTS, PROOF_DOCUMENTS_FIELD } from './submit-application.service.js';

/** What a member does to their own application after submitting it. */
@Injectable()
export class MemberApplicationActionsService {
  private readonly logger = new Logger(MemberApplicationActionsService.name);

  constructor(
    private readonly applications: ApplicationsQuery,
    private readonly documents: DocumentsService,
    private readonly flows: ApplicationFlowClient,
  ) {}

  /** Answers an information request with more proof documents; the application returns to the queue. */
  async addDocuments(memberId: string, applicationId: string, files: readonly UploadedFile[]): Promise<ApplicationFlowView> {
    const application = await this.applications.findOwned(memberId, applicationId);
    if (application.status !== 'INFO_REQUESTED') {
      throw new DomainError(ErrorCode.INVALID_STATE, 'Documents can be added only when information was requested', { currentStatus: application.status });
    }
    const uploads = this.documents.validate(files, [{ name: PROOF_DOCUMENTS_FIELD, minFiles: 1, maxFiles: MAX_PROOF_DOCUMENTS }]);
    const stored = await this.documents.transaction(uploads, (_manager, writer) =>
      writer.store({ ownerMemberId: memberId, applicationId, documents: uploads.map((upload) => ({ upload, kind: 'PROOF' as const })) }),
    );
    try {
      return await this.flows.act(applicationId, documentsAdded, memberId);
    } catch (error) {
      // The workflow refused (the state moved meanwhile): the new documents go too.
      await this.documents
        .remove({ id: In(stored.map((document) => document.id)) })
        .catch((removeError: unknown) => this.logger.warn(`refused documents of ${applicationId} not removed: ${(removeError as Error).message}`));
      throw error;
    }
  }

  async withdraw(memberId: string, applicationId: string): Promise<ApplicationFlowView> {
    const application = await this.applications.findOwned(memberId, applicationId);
    if (DECIDED_STATUSES.includes(application.status)) {
      throw new DomainError(ErrorCode.INVALID_STATE, 'A decided application cannot be withdrawn', { currentStatus: application.status });
    }
    return this.flows.act(applicationId, withdrawApplication, memberId);
  }
}
