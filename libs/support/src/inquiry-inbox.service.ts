import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { decodePageCursor, DomainError, encodePageCursor, ErrorCode, pageLimitOf } from '#app/core';
import { DocumentsService, type OpenedDocument } from '#app/documents';
import { MemberEntity } from '#app/members';
import { NotificationService } from '#app/notifications';
import type { InquiryCategory } from './inquiry-category.js';
import { InquiryReplyEntity } from './inquiry-reply.entity.js';
import { isInquiryStatus, type InquiryStatus } from './inquiry-status.js';
import { replyBodyOf } from './inquiry-text.js';
import { toThreadView, type InquiryThreadView } from './inquiry-views.js';
import { InquiryEntity } from './inquiry.entity.js';

export interface InboxFilter {
  readonly status?: unknown;
  readonly cursor?: unknown;
  readonly limit?: unknown;
}

export interface InboxItem {
  readonly id: string;
  readonly memberId: string;
  readonly category: InquiryCategory;
  readonly title: string;
  readonly status: InquiryStatus;
  readonly createdAt: string;
  readonly updatedAt: string | null;
}

export interface InboxPage {
  readonly items: InboxItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

function noSuchInquiry(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No such inquiry');
}

/**
 * The support inbox (product.md §5 "Contact us", §6): reviewers list inquiries oldest first by
 * status, open one with its attachments, answer it (ANSWERED; the member is emailed in their
 * language) and close it.
 */
@Injectable()
export class InquiryInboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditTrail,
  ) {}

  /** One page of the inbox, oldest first (keyset on created_at, id); every status when none is given. */
  async list(filter: InboxFilter): Promise<InboxPage> {
    if (filter.status !== undefined && filter.status !== '' && !isInquiryStatus(filter.status)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'status must be OPEN, ANSWERED or CLOSED', { errors: [{ field: 'status', rules: ['isIn'] }] });
    }
    if (filter.cursor !== undefined && typeof filter.cursor !== 'string') {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The cursor is not valid', { errors: [{ field: 'cursor', rules: ['isCursor'] }] });
    }
    const limit = pageLimitOf(filter.limit);
    const query = this.dataSource.manager.createQueryBuilder(InquiryEntity, 'inquiry');
    if (isInquiryStatus(filter.status)) query.andWhere('inquiry.status = :status', { status: filter.status });
    if (filter.cursor) {
      const after = decodePageCursor(filter.cursor);
      query.andWhere(
        new Brackets((where) => {
          where.where('inquiry.created_at > :at', { at: after.at }).orWhere('(inquiry.created_at = :at AND inquiry.id > :id)', { at: after.at, id: after.id });
        }),
      );
    }
    const rows = await query
      .orderBy('inquiry.created_at', 'ASC')
      .addOrderBy('inquiry.id', 'ASC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((inquiry) => ({
        id: inquiry.id,
        memberId: inquiry.memberId,
        category: inquiry.category,
        title: inquiry.title,
        status: inquiry.status,
        createdAt: inquiry.createdAt.toISOString(),
        updatedAt: inquiry.updatedAt?.toISOString() ?? null,
      })),
      nextCursor: rows.length > limit && last ? encodePageCursor({ at: last.createdAt, id: last.id }) : null,
    };
  }

  /** An inquiry with its conversation and attachments; NOT_FOUND when there is none. */
  async thread(inquiryId: string): Promise<InquiryThreadView> {
    const inquiry = await this.dataSource.manager.findOneBy(InquiryEntity, { id: inquiryId });
    if (!inquiry) throw noSuchInquiry();
    const [attachments, replies] = await Promise.all([
      this.documents.listForInquiries([inquiry.id]),
      this.dataSource.manager.find(InquiryReplyEntity, { where: { inquiryId: inquiry.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return toThreadView(inquiry, attachments, replies);
  }

  /** An attachment of this inquiry (any member's: reviewers read every inquiry); NOT_FOUND otherwise. */
  openAttachment(inquiryId: string, documentId: string): Promise<OpenedDocument> {
    return this.documents.open(documentId, { inquiryId });
  }

  /**
   * A reviewer's answer: the inquiry becomes ANSWERED and the member is emailed in their
   * language. The email is sent inside the transaction, last: if it cannot be sent (503), no
   * reply is recorded and the reviewer can send it again. CLOSED inquiries refuse (INVALID_STATE).
   */
  async reply(inquiryId: string, rawBody: unknown, actor: AuditActor & { readonly id: string }): Promise<{ id: string; createdAt: string }> {
    const body = replyBodyOf(rawBody);
    const reply = Object.assign(new InquiryReplyEntity(), {
      id: randomUUID(),
      inquiryId,
      authorType: 'REVIEWER' as const,
      authorId: actor.id,
      body,
      createdAt: new Date(),
    });
    await this.dataSource.transaction(async (manager) => {
      const inquiry = await manager.findOneBy(InquiryEntity, { id: inquiryId });
      if (!inquiry) throw noSuchInquiry();
      if (inquiry.status === 'CLOSED') throw new DomainError(ErrorCode.INVALID_STATE, 'This inquiry is closed', { status: inquiry.status });
      const moved = await manager.update(InquiryEntity, { id: inquiry.id, status: inquiry.status }, { status: 'ANSWERED', updatedAt: reply.createdAt });
      if (!moved.affected) throw new DomainError(ErrorCode.INVALID_STATE, 'The inquiry changed meanwhile; reload it and try again');
      await manager.insert(InquiryReplyEntity, reply);
      await this.audit.record(manager, actor, {
        action: 'INQUIRY_ANSWERED',
        memberId: inquiry.memberId,
        before: { inquiryId, status: inquiry.status },
        after: { inquiryId, replyId: reply.id, status: 'ANSWERED' },
      });
      const member = await manager.findOneBy(MemberEntity, { id: inquiry.memberId });
      if (member) {
        await this.notifications.send({
          channel: 'email',
          to: member.loginId,
          template: 'inquiry-answered',
          language: member.language,
          params: { name: member.name, title: inquiry.title },
          idempotencyKey: `inquiry-answered:${reply.id}`,
        });
      }
    });
    return { id: reply.id, createdAt: reply.createdAt.toISOString() };
  }

  /** Closes an OPEN or ANSWERED inquiry; closing a CLOSED one is INVALID_STATE. */
  async close(inquiryId: string, actor: AuditActor): Promise<InquiryThreadView> {
    await this.dataSource.transaction(async (manager) => {
      const inquiry = await manager.findOneBy(InquiryEntity, { id: inquiryId });
      if (!inquiry) throw noSuchInquiry();
      if (inquiry.status === 'CLOSED') throw new DomainError(ErrorCode.INVALID_STATE, 'This inquiry is already closed', { status: inquiry.status });
      const moved = await manager.update(InquiryEntity, { id: inquiry.id, status: inquiry.status }, { status: 'CLOSED', updatedAt: new Date() });
      if (!moved.affected) throw new DomainError(ErrorCode.INVALID_STATE, 'The inquiry changed meanwhile; reload it and try again');
      await this.audit.record(manager, actor, {
        action: 'INQUIRY_CLOSED',
        memberId: inquiry.memberId,
        before: { inquiryId, status: inquiry.status },
        after: { inquiryId, status: 'CLOSED' },
      });
    });
    return this.thread(inquiryId);
  }
}
