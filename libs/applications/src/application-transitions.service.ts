import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '#app/audit';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentEntity, DocumentsService } from '#app/documents';
import { MemberEntity } from '#app/members';
import { NotificationService } from '#app/notifications';
import { ReviewerEntity } from '#app/reviewers';
import {
  DECIDED_STATUSES,
  type ApplicationNotice,
  type ApplicationStatus,
  type ApplicationSubmission,
  type ApplicationTransition,
  type MemberNotice,
} from '#workflows/required-info-application/application.contract';
import { isUniqueViolation } from '#app/persistence';
import { ApplicationEventEntity } from './application-event.entity.js';
import { RequiredInfoApplicationEntity } from './application.entity.js';

const NOTICE_TEMPLATE = {
  SUBMITTED: 'application-submitted',
  INFO_REQUESTED: 'application-info-requested',
  APPROVED: 'application-approved',
  REJECTED: 'application-rejected',
  EXPIRED: 'application-expired',
} as const;

/**
 * The review workflow's writes to the read model. Each is idempotent: a transition is keyed, and a
 * retried activity finds its history row and does nothing more.
 */
@Injectable()
export class ApplicationTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationService,
    private readonly documents: DocumentsService,
  ) {}

  /**
   * The workflow's first step: the row, its SUBMITTED history entry, the submission's audit event and
   * the documents' link, in one transaction keyed by the application ID (a retry finds the row).
   * The member's one-open-application slot is taken here, so it is only ever held by a row whose
   * workflow is running. 'ALREADY_OPEN': nothing written, the unlinked documents removed.
   */
  async create(input: { applicationId: string; memberId: string; fourEyes: boolean; submission: ApplicationSubmission }): Promise<'CREATED' | 'ALREADY_OPEN'> {
    const { applicationId: id, memberId, fourEyes, submission } = input;
    if (await this.dataSource.manager.existsBy(RequiredInfoApplicationEntity, { id })) return 'CREATED';
    const at = new Date(submission.submittedAt);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(RequiredInfoApplicationEntity, {
          id,
          memberId,
          openMemberId: memberId,
          status: 'SUBMITTED',
          requestedMemberType: (submission.requestedMemberType as RequiredInfoApplicationEntity['requestedMemberType']) ?? null,
          requestedName: submission.requestedName,
          requestedBusinessName: submission.requestedBusinessName,
          requestedBusinessRegistrationNumber: submission.requestedBusinessRegistrationNumber,
          reason: submission.reason,
          claimedBy: null,
          infoRequestMessage: null,
          rejectionReason: null,
          decidedBy: null,
          decidedAt: null,
          overdue: false,
          fourEyes,
          firstApprovedBy: null,
          submittedAt: at,
          statusSince: at,
        });
        await manager.insert(ApplicationEventEntity, {
          id: randomUUID(),
          applicationId: id,
          occurredAt: at,
          actorType: 'MEMBER',
          actorId: memberId,
          fromStatus: null,
          toStatus: 'SUBMITTED',
          note: null,
          transitionKey: `${id}:submitted`,
        });
        if (submission.documentIds.length > 0) {
          await manager.update(
            DocumentEntity,
            { id: In([...submission.documentIds]), ownerMemberId: memberId, applicationId: IsNull() },
            { applicationId: id },
          );
        }
        const requested = {
          memberType: submission.requestedMemberType ?? undefined,
          name: submission.requestedName ?? undefined,
          businessName: submission.requestedBusinessName ?? undefined,
          businessRegistrationNumber: submission.requestedBusinessRegistrationNumber ?? undefined,
        };
        await this.audit.record(manager, submission.actor, { action: 'APPLICATION_SUBMITTED', memberId, after: { applicationId: id, requested, fourEyes } });
      });
      return 'CREATED';
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The row's own key (a concurrent attempt of this very activity) is not a refusal.
      if (await this.dataSource.manager.existsBy(RequiredInfoApplicationEntity, { id })) return 'CREATED';
      await this.discardUnlinked(memberId, submission.documentIds);
      return 'ALREADY_OPEN';
    }
  }

  /** Removes documents stored for a submission that never got its row (refused, or its start failed). */
  async discardUnlinked(memberId: string, documentIds: readonly string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.documents.remove({ id: In([...documentIds]), ownerMemberId: memberId, applicationId: IsNull() });
  }

  async record(transition: ApplicationTransition): Promise<void> {
    await this.dataSource.transaction((manager) => this.write(manager, transition));
  }

  /** Approval: the requested values land on the member in the same transaction, with before/after. */
  async approve(transition: ApplicationTransition): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.write(manager, transition))) return;
      const application = await manager.findOneByOrFail(RequiredInfoApplicationEntity, { id: transition.applicationId });
      const member = await manager.findOneByOrFail(MemberEntity, { id: application.memberId });
      const before = {
        memberType: member.memberType,
        name: member.name,
        businessName: member.businessName,
        businessRegistrationNumber: member.businessRegistrationNumber,
      };
      const memberType = application.requestedMemberType ?? member.memberType;
      const business = memberType !== 'PERSONAL';
      const after = {
        memberType,
        name: application.requestedName ?? member.name,
        businessName: business ? (application.requestedBusinessName ?? member.businessName) : null,
        businessRegistrationNumber: business ? (application.requestedBusinessRegistrationNumber ?? member.businessRegistrationNumber) : null,
      };
      await manager
        .createQueryBuilder()
        .update(MemberEntity)
        .set({ ...after, version: () => 'version + 1', updatedAt: new Date(transition.at) })
        .where('id = :id', { id: member.id })
        .execute();
      await this.audit.record(
        manager,
        { type: 'REVIEWER', id: transition.actor.id },
        {
          action: 'REQUIRED_INFO_CHANGED',
          memberId: member.id,
          before,
          after: { ...after, applicationId: application.id, firstApprovedBy: transition.firstApprovedBy ?? null },
        },
      );
    });
  }

  /** Marks the application overdue (once per status period) and reminds every active reviewer (legacy histories). */
  async flagOverdue(applicationId: string, status: ApplicationStatus, since: string): Promise<void> {
    await this.markOverdue(applicationId, status);
    await this.remindReviewers(applicationId, status, since);
  }

  /** Only while it is still in that status: a transition meanwhile has cleared the flag for good. */
  async markOverdue(applicationId: string, status: ApplicationStatus): Promise<void> {
    await this.dataSource.manager.update(RequiredInfoApplicationEntity, { id: applicationId, status }, { overdue: true });
  }

  /** One queued notice of the workflow; each message keyed, so a retry sends nothing twice. */
  async sendNotice(notice: ApplicationNotice): Promise<void> {
    switch (notice.kind) {
      case 'applicant':
        return this.notifyApplicant(notice.applicationId, notice.notice, notice.key);
      case 'overdue-reminder':
        return this.remindReviewers(notice.applicationId, notice.status, notice.since);
      case 'claim-reassigned': {
        const previous = await this.dataSource.manager.findOneBy(ReviewerEntity, { id: notice.reviewerId });
        if (!previous) return;
        const next = notice.newClaimantId ? await this.dataSource.manager.findOneBy(ReviewerEntity, { id: notice.newClaimantId }) : null;
        await this.notifications.send({
          channel: 'email',
          to: previous.email,
          template: 'review-claim-reassigned',
          language: 'en',
          params: { applicationId: notice.applicationId, newClaimant: next?.displayName ?? '-' },
          idempotencyKey: notice.key,
        });
        return;
      }
    }
  }

  private async remindReviewers(applicationId: string, status: ApplicationStatus, since: string): Promise<void> {
    const reviewers = await this.dataSource.manager.find(ReviewerEntity, { where: { disabledAt: IsNull() } });
    for (const reviewer of reviewers) {
      await this.notifications.send({
        channel: 'email',
        to: reviewer.email,
        template: 'review-overdue-reminder',
        language: 'en',
        params: { applicationId, status, since },
        idempotencyKey: `review-overdue:${applicationId}:${status}:${since}:${reviewer.id}`,
      });
    }
  }

  async notifyApplicant(applicationId: string, notice: MemberNotice, key: string): Promise<void> {
    const application = await this.dataSource.manager.findOneBy(RequiredInfoApplicationEntity, { id: applicationId });
    if (!application) throw new DomainError(ErrorCode.NOT_FOUND, 'No such application');
    const member = await this.dataSource.manager.findOneByOrFail(MemberEntity, { id: application.memberId });
    const base = { channel: 'email' as const, to: member.loginId, language: member.language, idempotencyKey: `application-notice:${key}:${notice}` };
    const params = { name: member.name, applicationId };
    switch (notice) {
      case 'INFO_REQUESTED':
        await this.notifications.send({ ...base, template: NOTICE_TEMPLATE[notice], params: { ...params, message: application.infoRequestMessage ?? '' } });
        return;
      case 'REJECTED':
        await this.notifications.send({ ...base, template: NOTICE_TEMPLATE[notice], params: { ...params, reason: application.rejectionReason ?? '' } });
        return;
      case 'SUBMITTED':
      case 'APPROVED':
      case 'EXPIRED':
        await this.notifications.send({ ...base, template: NOTICE_TEMPLATE[notice], params });
        return;
    }
  }

  /** Applies the transition to the row and appends history and audit; false when it was already written. */
  private async write(manager: EntityManager, transition: ApplicationTransition): Promise<boolean> {
    if (await manager.findOneBy(ApplicationEventEntity, { transitionKey: transition.key })) return false;
    const claimedBefore = (await manager.findOneBy(RequiredInfoApplicationEntity, { id: transition.applicationId }))?.claimedBy ?? null;
    const at = new Date(transition.at);
    const decided = DECIDED_STATUSES.includes(transition.to);
    const changes: Partial<RequiredInfoApplicationEntity> = { status: transition.to, statusSince: at, overdue: false };
    if (transition.claimedBy !== undefined) changes.claimedBy = transition.claimedBy;
    if (transition.firstApprovedBy !== undefined) changes.firstApprovedBy = transition.firstApprovedBy;
    if (transition.to === 'INFO_REQUESTED') changes.infoRequestMessage = transition.note ?? null;
    if (transition.to === 'REJECTED') changes.rejectionReason = transition.note ?? null;
    if (decided) Object.assign(changes, { openMemberId: null, decidedAt: at, decidedBy: transition.actor.type === 'REVIEWER' ? transition.actor.id : null });
    const updated = await manager.update(RequiredInfoApplicationEntity, { id: transition.applicationId, status: transition.from }, changes);
    if (!updated.affected) throw new DomainError(ErrorCode.INVALID_STATE, `The application is no longer ${transition.from}`);
    await manager.insert(ApplicationEventEntity, {
      id: randomUUID(),
      applicationId: transition.applicationId,
      occurredAt: at,
      actorType: transition.actor.type,
      actorId: transition.actor.id,
      fromStatus: transition.from,
      toStatus: transition.to,
      note: transition.note ?? null,
      transitionKey: transition.key,
    });
    const application = await manager.findOneByOrFail(RequiredInfoApplicationEntity, { id: transition.applicationId });
    await this.audit.record(
      manager,
      { type: transition.actor.type, id: transition.actor.id },
      {
        action: transition.auditAction ?? `APPLICATION_${transition.to}`,
        memberId: application.memberId,
        before: { applicationId: transition.applicationId, status: transition.from, ...(transition.auditAction ? { claimedBy: claimedBefore } : {}) },
        after: {
          applicationId: transition.applicationId,
          status: transition.to,
          note: transition.note ?? null,
          ...(transition.auditAction ? { claimedBy: application.claimedBy } : {}),
        },
      },
    );
    return true;
  }
}
