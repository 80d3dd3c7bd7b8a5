/** The document types members may upload. Decided by content, never by name or declared type. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

const SIGNATURES: ReadonlyArray<{ readonly mediaType: DocumentMediaType; readonly magic: readonly number[] }> = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The media type the leading bytes announce, or null when they match none of the accepted ones. */
export function detectDocumentMediaType(bytes: Uint8Array): DocumentMediaType | null {
  const match = SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte));
  return match?.mediaType ?? null;
}
