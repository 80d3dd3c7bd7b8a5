import { MAX_FILE_NAME_LENGTH } from '../upload-limits.js';

/** Used when nothing displayable is left of the client's file name. */
export const FALLBACK_FILE_NAME = 'document';

// Control characters, bidirectional overrides/isolates (used to disguise `exe.pdf` as `fdp.exe`) and BOMs.
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
// Characters that are not allowed in file names on common systems; replaced so a download saves cleanly.
const RESERVED = /["*:<>?|]/g;
const MAX_EXTENSION_LENGTH = 16;

/**
 * The client's file name made safe for display and for a download's Content-Disposition: path
 * components (`../`, `C:\`), control and bidi characters and reserved characters removed, leading
 * dots and surrounding spaces trimmed, at most MAX_FILE_NAME_LENGTH characters (the extension kept).
 * Never used to build a storage path.
 */
export function sanitiseFileName(raw: unknown): string {
  if (typeof raw !== 'string') return FALLBACK_FILE_NAME;
  const lastSegment = raw.normalize('NFC').replace(INVISIBLE, '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned === '') return FALLBACK_FILE_NAME;
  return truncateKeepingExtension(cleaned, MAX_FILE_NAME_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length === 0 || extension.length > MAX_EXTENSION_LENGTH) return chars.slice(0, max).join('').trimEnd();
  const base = [...name.slice(0, dot)]
    .slice(0, max - extension.length)
    .join('')
    .trimEnd();
  return `${base}${extension.join('')}`;
}
