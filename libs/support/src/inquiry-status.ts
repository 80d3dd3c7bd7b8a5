/** Where an inquiry stands: support's turn (OPEN), the member's (ANSWERED), or done (CLOSED). */
export const INQUIRY_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export function isInquiryStatus(value: unknown): value is InquiryStatus {
  return typeof value === 'string' && (INQUIRY_STATUSES as readonly string[]).includes(value);
}

/** Who wrote a reply. */
export type InquiryReplyAuthor = 'MEMBER' | 'REVIEWER';
