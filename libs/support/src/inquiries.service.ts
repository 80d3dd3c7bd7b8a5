import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentsService, type OpenedDocument, type UploadedFile } from '#app/documents';
import { INQUIRY_ATTACHMENTS_FIELD, INQUIRY_MAX_ATTACHMENTS, INQUIRY_TITLE_MAX_LENGTH, isInquiryCategory, type InquiryCategory } from './inquiry-category.js';
import { InquiryReplyEntity } from './inquiry-reply.entity.js';
import type { InquiryStatus } from './inquiry-status.js';
import { isValidMessageBody, replyBodyOf } from './inquiry-text.js';
import { toThreadView, type InquiryAttachmentView, type InquiryThreadView } from './inquiry-views.js';
import { InquiryEntity } from './inquiry.entity.js';

export interface SubmitInquiryInput {
  readonly category: string;
  readonly title: string;
  readonly body: string;
}

export interface SubmittedInquiry {
  readonly id: string;
  readonly createdAt: Date;
}

export interface InquiryView {
  readonly id: string;
  readonly category: InquiryCategory;
  readonly title: string;
  readonly body: string;
  readonly status: InquiryStatus;
  readonly createdAt: Date;
  readonly attachments: InquiryAttachmentView[];
}

/** How many inquiries a member's list shows (the most recent). */
export const INQUIRY_LIST_LIMIT = 100;

// Title: one line. Body: lines and tabs, no other control characters (inquiry-text.ts).
const TITLE_CHARS = /^[^\p{Cc}]+$/u;

function fieldErrors(input: SubmitInquiryInput): Array<{ field: string; rules: string[] }> {
  const errors: Array<{ field: string; rules: string[] }> = [];
  if (!isInquiryCategory(input.category)) errors.push({ field: 'category', rules: ['isIn'] });
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title.length === 0 || title.length > INQUIRY_TITLE_MAX_LENGTH || !TITLE_CHARS.test(title)) errors.push({ field: 'title', rules: ['length', 'matches'] });
  const body = typeof input.body === 'string' ? input.body.trim() : '';
  if (!isValidMessageBody(body)) errors.push({ field: 'body', rules: ['length', 'matches'] });
  return errors;
}

/** "Contact us": members send inquiries with attachments and read their own. */
@Injectable()
export class InquiriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Records an inquiry with its attachments (0..5 files, checked by content) all or nothing:
   * any refusal or failure leaves no row and no file. Audited as INQUIRY_SUBMITTED.
   */
  async submit(memberId: string, input: SubmitInquiryInput, files: readonly UploadedFile[], actor: AuditActor): Promise<SubmittedInquiry> {
    const errors = fieldErrors(input);
    if (errors.length > 0) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields', { errors });
    const uploads = this.documents.validate(files, [{ name: INQUIRY_ATTACHMENTS_FIELD, minFiles: 0, maxFiles: INQUIRY_MAX_ATTACHMENTS }]);
    const inquiry = Object.assign(new InquiryEntity(), {
      id: randomUUID(),
      memberId,
      category: input.category as InquiryCategory,
      title: input.title.trim(),
      body: input.body.trim(),
      status: 'OPEN' as const,
      createdAt: new Date(),
      updatedAt: null,
    });
    await this.documents.transaction(uploads, async (manager, writer) => {
      await manager.insert(InquiryEntity, inquiry);
      await writer.store({
        ownerMemberId: memberId,
        inquiryId: inquiry.id,
        documents: uploads.map((upload) => ({ upload, kind: 'INQUIRY_ATTACHMENT' as const })),
      });
      await this.audit.record(manager, actor, {
        action: 'INQUIRY_SUBMITTED',
        memberId,
        after: { inquiryId: inquiry.id, category: inquiry.category, attachmentCount: uploads.length },
      });
    });
    return { id: inquiry.id, createdAt: inquiry.createdAt };
  }

  /** The member's own inquiries, newest first (at most INQUIRY_LIST_LIMIT), with attachment metadata. */
  async listForMember(memberId: string): Promise<InquiryView[]> {
    const inquiries = await this.dataSource.manager.find(InquiryEntity, {
      where: { memberId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: INQUIRY_LIST_LIMIT,
    });
    const attachments = await this.documents.listForInquiries(inquiries.map((inquiry) => inquiry.id));
    return inquiries.map((inquiry) => ({
      id: inquiry.id,
      category: inquiry.category,
      title: inquiry.title,
      body: inquiry.body,
      status: inquiry.status,
      createdAt: inquiry.createdAt,
      attachments: attachments
        // The owner check is redundant with the inquiry's, and kept so a mislinked row never shows.
        .filter((document) => document.inquiryId === inquiry.id && document.ownerMemberId === memberId)
        .map((document) => ({ id: document.id, name: document.originalName, mediaType: document.mediaType, size: document.sizeBytes })),
    }));
  }

  /** One of the member's inquiries with its replies and attachments; another member's is NOT_FOUND. */
  async threadForMember(memberId: string, inquiryId: string): Promise<InquiryThreadView> {
    const inquiry = await this.dataSource.manager.findOneBy(InquiryEntity, { id: inquiryId, memberId });
    if (!inquiry) throw noSuchInquiry();
    const [attachments, replies] = await Promise.all([
      this.documents.listForInquiries([inquiry.id]),
      this.dataSource.manager.find(InquiryReplyEntity, { where: { inquiryId: inquiry.id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return toThreadView(inquiry, attachments, replies);
  }

  /**
   * The member answers back (0..5 attachments, all or nothing): an ANSWERED inquiry is OPEN again,
   * an OPEN one stays OPEN, a CLOSED one refuses (INVALID_STATE). Audited as INQUIRY_MEMBER_REPLIED.
   */
  async replyAsMember(
    memberId: string,
    inquiryId: string,
    rawBody: unknown,
    files: readonly UploadedFile[],
    actor: AuditActor,
  ): Promise<{ id: string; createdAt: Date }> {
    const body = replyBodyOf(rawBody);
    const uploads = this.documents.validate(files, [{ name: INQUIRY_ATTACHMENTS_FIELD, minFiles: 0, maxFiles: INQUIRY_MAX_ATTACHMENTS }]);
    const reply = Object.assign(new InquiryReplyEntity(), {
      id: randomUUID(),
      inquiryId,
      authorType: 'MEMBER' as const,
      authorId: memberId,
      body,
      createdAt: new Date(),
    });
    await this.documents.transaction(uploads, async (manager, writer) => {
      const inquiry = await manager.findOneBy(InquiryEntity, { id: inquiryId, memberId });
      if (!inquiry) throw noSuchInquiry();
      if (inquiry.status === 'CLOSED')
        throw new DomainError(ErrorCode.INVALID_STATE, 'This inquiry is closed: send a new inquiry instead', { status: inquiry.status });
      // The status it was read with: a concurrent close wins, and this reply is refused rather than reopening it.
      const moved = await manager.update(InquiryEntity, { id: inquiry.id, status: inquiry.status }, { status: 'OPEN', updatedAt: reply.createdAt });
      if (!moved.affected) throw new DomainError(ErrorCode.INVALID_STATE, 'The inquiry changed meanwhile; reload it and try again');
      await manager.insert(InquiryReplyEntity, reply);
      await writer.store({ ownerMemberId: memberId, inquiryId, documents: uploads.map((upload) => ({ upload, kind: 'INQUIRY_ATTACHMENT' as const })) });
      await this.audit.record(manager, actor, {
        action: 'INQUIRY_MEMBER_REPLIED',
        memberId,
        before: { inquiryId, status: inquiry.status },
        after: { inquiryId, replyId: reply.id, status: 'OPEN', attachmentCount: uploads.length },
      });
    });
    return { id: reply.id, createdAt: reply.createdAt };
  }

  /** An attachment of one of the member's inquiries; NOT_FOUND for anything else. */
  openAttachment(memberId: string, inquiryId: string, documentId: string): Promise<OpenedDocument> {
    return this.documents.open(documentId, { ownerMemberId: memberId, inquiryId });
  }
}

function noSuchInquiry(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No such inquiry');
}
