import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentsService } from '#app/documents';
import { MemberEntity } from '#app/members';
import type { ApplicationStatus } from '#workflows/required-info-application/application.contract';
import { ApplicationEventEntity } from './application-event.entity.js';
import { RequiredInfoApplicationEntity } from './application.entity.js';
import {
  currentValues,
  requestedValues,
  toDocumentView,
  toHistory,
  toSummary,
  type ApplicationHistoryEntry,
  type ApplicationSummary,
  type DocumentView,
  type RequiredInfoValues,
} from './application-views.js';

export interface MemberApplicationDetail extends ApplicationSummary {
  readonly reason: string;
  readonly infoRequestMessage: string | null;
  readonly rejectionReason: string | null;
  readonly decidedAt: string | null;
  readonly documents: DocumentView[];
  readonly history: ApplicationHistoryEntry[];
}

export interface QueueItem extends ApplicationSummary {
  readonly memberId: string;
  /** The member's login ID (null only if the member row is gone). */
  readonly memberLoginId: string | null;
  readonly overdue: boolean;
  readonly claimedBy: string | null;
  /** Four eyes: the reviewer who gave the first approval (a second reviewer must give the other). */
  readonly firstApprovedBy: string | null;
}

export interface QueuePage {
  readonly items: QueueItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

export interface ReviewerApplicationDetail extends MemberApplicationDetail {
  readonly memberId: string;
  readonly overdue: boolean;
  readonly claimedBy: string | null;
  /** Four eyes: the approval needs two different reviewers (REVIEW_FOUR_EYES_FIELDS at submission). */
  readonly fourEyes: boolean;
  readonly firstApprovedBy: string | null;
  readonly member: { readonly loginId: string; readonly language: string };
  /** The member's required information now, beside what the application asks for. */
  readonly current: RequiredInfoValues;
}

export interface QueueFilter {
  readonly status?: ApplicationStatus;
  readonly overdue?: boolean;
  readonly cursor?: string;
  readonly limit?: number;
}

const OPEN_FOR_REVIEW: ApplicationStatus[] = ['SUBMITTED', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL'];

function encodeCursor(application: RequiredInfoApplicationEntity): string {
  return Buffer.from(JSON.stringify([application.submittedAt.toISOString(), application.id])).toString('base64url');
}

function decodeCursor(cursor: string): { submittedAt: Date; id: string } {
  try {
    const [submittedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(submittedAt);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string' || id.length > 36) throw new Error('bad cursor');
    return { submittedAt: date, id };
  } catch {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The cursor is not valid', { errors: [{ field: 'cursor', rules: ['isCursor'] }] });
  }
}

/** Reads of applications: a member's own, and the reviewers' queue and detail. */
@Injectable()
export class ApplicationsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
  ) {}

  /** The member's applications, newest first. */
  async listForMember(memberId: string): Promise<ApplicationSummary[]> {
    const applications = await this.dataSource.manager.find(RequiredInfoApplicationEntity, {
      where: { memberId },
      order: { submittedAt: 'DESC', id: 'DESC' },
      take: 100,
    });
    return applications.map(toSummary);
  }

  /** One of the member's own applications; anyone else's is NOT_FOUND. */
  async detailForMember(memberId: string, applicationId: string): Promise<MemberApplicationDetail> {
    const application = await this.dataSource.manager.findOneBy(RequiredInfoApplicationEntity, { id: applicationId, memberId });
    if (!application) throw new DomainError(ErrorCode.NOT_FOUND, 'No such application');
    return this.detail(application);
  }

  async findOwned(memberId: string, applicationId: string): Promise<RequiredInfoApplicationEntity> {
    const application = await this.dataSource.manager.findOneBy(RequiredInfoApplicationEntity, { id: applicationId, memberId });
    if (!application) throw new DomainError(ErrorCode.NOT_FOUND, 'No such application');
    return application;
  }

  /** The queue's SQL statements, as run (for EXPLAIN in bench/queue.ts). */
  queueSql(filter: QueueFilter): Array<{ query: string; parameters: unknown[] }> {
    return this.statusesOf(filter).map((status) => {
      const [query, parameters] = this.queueQuery({ ...filter, status }, this.pageSize(filter)).getQueryAndParameters();
      return { query, parameters };
    });
  }

  // One ordered index range per status (status, submitted_at, id): a status IN (…) over several
  // would need a filesort of every open application; merging the per-status pages needs none.
  private statusesOf(filter: QueueFilter): ApplicationStatus[] {
    return filter.status ? [filter.status] : OPEN_FOR_REVIEW;
  }

  private pageSize(filter: QueueFilter): number {
    return Math.min(Math.max(filter.limit ?? 50, 1), 100);
  }

  private queueQuery(filter: QueueFilter & { status: ApplicationStatus }, limit: number) {
    const query = this.dataSource.manager
      .createQueryBuilder(RequiredInfoApplicationEntity, 'a')
      // A left join by primary key: the queue's index still drives the plan (quality.md P5).
      .leftJoin(MemberEntity, 'm', 'm.id = a.member_id')
      .addSelect('m.login_id', 'member_login_id')
      .orderBy('a.submitted_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit + 1);
    query.where('a.status = :status', { status: filter.status });
    if (filter.overdue !== undefined) query.andWhere('a.overdue = :overdue', { overdue: filter.overdue });
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      query.andWhere(
        new Brackets((where) =>
          where.where('a.submitted_at > :after', { after: after.submittedAt }).orWhere('a.submitted_at = :after AND a.id > :afterId', { afterId: after.id }),
        ),
      );
    }
    return query;
  }

  /** The reviewer queue: oldest first, keyset-paginated, overdue marked; SUBMITTED, IN_REVIEW and AWAITING_SECOND_APPROVAL by default. */
  async queue(filter: QueueFilter): Promise<QueuePage> {
    const limit = this.pageSize(filter);
    const pages = await Promise.all(
      this.statusesOf(filter).map((status) =>
        this.queueQuery({ ...filter, status }, limit).getRawAndEntities<{ a_id: string; member_login_id: string | null }>(),
      ),
    );
    const rows = pages
      .flatMap((page) => page.entities)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit + 1);
    const loginIds = new Map(pages.flatMap((page) => page.raw).map((row) => [row.a_id, row.member_login_id]));
    const page = rows.slice(0, limit);
    return {
      items: page.map((application) => ({
        ...toSummary(application),
        memberId: application.memberId,
        memberLoginId: loginIds.get(application.id) ?? null,
        overdue: application.overdue,
        claimedBy: application.claimedBy,
        firstApprovedBy: application.firstApprovedBy,
      })),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  async detailForReviewer(applicationId: string): Promise<ReviewerApplicationDetail> {
    const application = await this.dataSource.manager.findOneBy(RequiredInfoApplicationEntity, { id: applicationId });
    if (!application) throw new DomainError(ErrorCode.NOT_FOUND, 'No such application');
    const member = await this.dataSource.manager.findOneByOrFail(MemberEntity, { id: application.memberId });
    return {
      ...(await this.detail(application)),
      memberId: application.memberId,
      overdue: application.overdue,
      claimedBy: application.claimedBy,
      fourEyes: application.fourEyes,
      firstApprovedBy: application.firstApprovedBy,
      member: { loginId: member.loginId, language: member.language },
      current: currentValues(member, false),
    };
  }

  private async detail(application: RequiredInfoApplicationEntity): Promise<MemberApplicationDetail> {
    const [events, documents] = await Promise.all([
      this.dataSource.manager.find(ApplicationEventEntity, { where: { applicationId: application.id }, order: { occurredAt: 'ASC' } }),
      this.documents.listForApplication(application.id),
    ]);
    return {
      ...toSummary(application),
      requested: requestedValues(application),
      reason: application.reason,
      infoRequestMessage: application.infoRequestMessage,
      rejectionReason: application.rejectionReason,
      decidedAt: application.decidedAt?.toISOString() ?? null,
      documents: documents.map(toDocumentView),
      history: toHistory(events),
    };
  }
}
