import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '#app/core';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_REQUEST } from '../upload-limits.js';
import { sanitiseFileName } from './file-name.js';
import { DOCUMENT_MEDIA_TYPES, detectDocumentMediaType, type DocumentMediaType } from './media-type.js';

/** A file as the transport received it (multer, a worker activity, a script): nothing checked yet. */
export interface UploadedFile {
  /** The multipart field it came in, e.g. `attachments`. */
  readonly field: string;
  /** The client's file name; only kept, sanitised, for display. */
  readonly originalName: string;
  readonly bytes: Buffer;
}

/** How many files a field takes. */
export interface UploadField {
  readonly name: string;
  readonly minFiles: number;
  readonly maxFiles: number;
}

export interface UploadLimits {
  /** Largest accepted file, in bytes. */
  readonly maxBytes: number;
  /** Most files in one request, all fields together. */
  readonly maxFiles: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: MAX_DOCUMENT_BYTES, maxFiles: MAX_DOCUMENTS_PER_REQUEST };

/** A file that passed every check; only `validateUploads` creates these, and only these can be stored. */
export interface ValidatedUpload {
  readonly field: string;
  /** Sanitised (see sanitiseFileName). */
  readonly originalName: string;
  /** Detected from the content. */
  readonly mediaType: DocumentMediaType;
  readonly sizeBytes: number;
  /** Hex SHA-256 of the content. */
  readonly sha256: string;
  readonly bytes: Buffer;
}

const validated = new WeakSet<ValidatedUpload>();

/** True for an object returned by validateUploads (not merely one of the same shape). */
export function isValidatedUpload(value: unknown): value is ValidatedUpload {
  return typeof value === 'object' && value !== null && validated.has(value as ValidatedUpload);
}

/**
 * Checks a whole request's files before anything is stored: the number of files per field
 * (VALIDATION_FAILED), then each file in order: empty (VALIDATION_FAILED), larger than
 * `limits.maxBytes` (DOCUMENT_TOO_LARGE), content not PDF, PNG or JPEG by its magic bytes
 * (UNSUPPORTED_DOCUMENT_TYPE). The declared media type and the file name's extension play no part.
 */
export function validateUploads(
  files: readonly UploadedFile[],
  fields: readonly UploadField[],
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): ValidatedUpload[] {
  const fieldErrors: Array<{ field: string; rules: string[] }> = [];
  for (const field of new Set(files.map((file) => file.field))) {
    if (!fields.some((known) => known.name === field)) fieldErrors.push({ field, rules: ['unexpectedFile'] });
  }
  for (const field of fields) {
    const count = files.filter((file) => file.field === field.name).length;
    if (count > field.maxFiles) fieldErrors.push({ field: field.name, rules: ['maxFiles'] });
    else if (count < field.minFiles) fieldErrors.push({ field: field.name, rules: ['minFiles'] });
  }
  if (files.length > limits.maxFiles && fieldErrors.length === 0) {
    fieldErrors.push({ field: fields.length === 1 ? fields[0].name : 'files', rules: ['maxFiles'] });
  }
  if (fieldErrors.length > 0) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The request has invalid files', { errors: fieldErrors });

  const positions = new Map<string, number>();
  return files.map((file) => {
    const index = positions.get(file.field) ?? 0;
    positions.set(file.field, index + 1);
    const where = `${file.field}.${index}`;
    if (file.bytes.length === 0) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'A file is empty', { errors: [{ field: where, rules: ['notEmpty'] }] });
    }
    if (file.bytes.length > limits.maxBytes) {
      throw new DomainError(ErrorCode.DOCUMENT_TOO_LARGE, `A file is larger than ${limits.maxBytes} bytes`, { field: where, maxBytes: limits.maxBytes });
    }
    const mediaType = detectDocumentMediaType(file.bytes);
    if (mediaType === null) {
      throw new DomainError(ErrorCode.UNSUPPORTED_DOCUMENT_TYPE, 'Only PDF, PNG and JPEG files are accepted (checked by content)', {
        field: where,
        accepted: [...DOCUMENT_MEDIA_TYPES],
      });
    }
    const upload: ValidatedUpload = Object.freeze({
      field: file.field,
      originalName: sanitiseFileName(file.originalName),
      mediaType,
      sizeBytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      bytes: file.bytes,
    });
    validated.add(upload);
    return upload;
  });
}
