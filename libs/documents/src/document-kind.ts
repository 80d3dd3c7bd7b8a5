/** What a stored document is for; features attach documents under one of these. */
export const DOCUMENT_KINDS = ['APPLICATION_FORM', 'PROOF', 'INQUIRY_ATTACHMENT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
