/** What a "Contact us" inquiry is about. */
export const INQUIRY_CATEGORIES = ['ACCOUNT', 'BILLING', 'REQUIRED_INFO', 'TECHNICAL', 'OTHER'] as const;
export type InquiryCategory = (typeof INQUIRY_CATEGORIES)[number];

export function isInquiryCategory(value: unknown): value is InquiryCategory {
  return typeof value === 'string' && (INQUIRY_CATEGORIES as readonly string[]).includes(value);
}

export const INQUIRY_TITLE_MAX_LENGTH = 200;
export const INQUIRY_BODY_MAX_LENGTH = 5000;
/** Attachments of one inquiry (each checked like every upload: PDF, PNG or JPEG, at most 10 MiB). */
export const INQUIRY_MAX_ATTACHMENTS = 5;
/** The multipart field that carries the attachments. */
export const INQUIRY_ATTACHMENTS_FIELD = 'attachments';
