import type { DocumentEntity } from '#app/documents';
import type { InquiryCategory } from './inquiry-category.js';
import type { InquiryReplyEntity } from './inquiry-reply.entity.js';
import type { InquiryReplyAuthor, InquiryStatus } from './inquiry-status.js';
import type { InquiryEntity } from './inquiry.entity.js';

export interface InquiryAttachmentView {
  readonly id: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
}

export interface InquiryReplyView {
  readonly id: string;
  readonly author: InquiryReplyAuthor;
  readonly body: string;
  readonly createdAt: string;
}

/** An inquiry with its conversation, as its member or a reviewer reads it. */
export interface InquiryThreadView {
  readonly id: string;
  readonly memberId: string;
  readonly category: InquiryCategory;
  readonly title: string;
  readonly body: string;
  readonly status: InquiryStatus;
  readonly createdAt: string;
  readonly updatedAt: string | null;
  readonly attachments: InquiryAttachmentView[];
  readonly replies: InquiryReplyView[];
}

export function toAttachmentView(document: DocumentEntity): InquiryAttachmentView {
  return { id: document.id, name: document.originalName, mediaType: document.mediaType, size: document.sizeBytes };
}

export function toThreadView(inquiry: InquiryEntity, attachments: readonly DocumentEntity[], replies: readonly InquiryReplyEntity[]): InquiryThreadView {
  return {
    id: inquiry.id,
    memberId: inquiry.memberId,
    category: inquiry.category,
    title: inquiry.title,
    body: inquiry.body,
    status: inquiry.status,
    createdAt: inquiry.createdAt.toISOString(),
    updatedAt: inquiry.updatedAt?.toISOString() ?? null,
    // The owner check is redundant with the inquiry's, and kept so a mislinked row never shows.
    attachments: attachments.filter((document) => document.inquiryId === inquiry.id && document.ownerMemberId === inquiry.memberId).map(toAttachmentView),
    replies: replies.map((reply) => ({ id: reply.id, author: reply.authorType, body: reply.body, createdAt: reply.createdAt.toISOString() })),
  };
}
