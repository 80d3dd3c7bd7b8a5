import { StreamableFile } from '@nestjs/common';
import type { HttpResponse } from './http-platform.js';
import type { OpenedDocument } from '#app/documents';

// RFC 5987 attr-char: encodeURIComponent leaves ' ( ) * unescaped, which filename* must escape.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment` with the (already sanitised) name twice: an ASCII fallback for old clients and the
 * exact UTF-8 name as filename* (RFC 6266).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * Sends a stored document: its detected media type, `Content-Disposition` (attachment unless
 * `inline` is asked for, to view it in the browser), `nosniff`, a sandboxing CSP, never cached.
 * Return the result from a handler with `@Res({ passthrough: true })`.
 */
export function documentDownload(res: HttpResponse, opened: OpenedDocument, { inline = false } = {}): StreamableFile {
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Cache-Control', 'private, no-store');
  res.header('Content-Security-Policy', "default-src 'none'; sandbox");
  const disposition = attachmentDisposition(opened.document.originalName);
  const options = {
    type: opened.document.mediaType,
    disposition: inline ? disposition.replace(/^attachment/, 'inline') : disposition,
    length: opened.document.sizeBytes,
  };
  return Buffer.isBuffer(opened.content) ? new StreamableFile(opened.content, options) : new StreamableFile(opened.content, options);
}
