import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode } from '#app/core';
import type { UploadField } from '#app/documents';
import { SchemaViolation } from '#app/web';

type MulterCause = { code?: unknown; field?: unknown; message?: unknown };

const FIELD_LIMIT_RULES: Record<string, string> = {
  LIMIT_FIELD_COUNT: 'maxFields',
  LIMIT_FIELD_KEY: 'maxFieldNameLength',
  LIMIT_FIELD_VALUE: 'maxLength',
  LIMIT_PART_COUNT: 'maxParts',
  LIMIT_FIELD_NESTING: 'maxNesting',
  LIMIT_FIELD_ARRAY_INDEX: 'maxArrayIndex',
  INVALID_FIELD_NAME: 'invalidFieldName',
  MISSING_FIELD_NAME: 'missingFieldName',
};

function multerCause(error: unknown): MulterCause | null {
  // @nestjs/platform-express wraps multer's error in an HttpException and keeps it as the cause.
  const cause = error instanceof HttpException ? (error.cause as MulterCause | undefined) : (error as MulterCause | null);
  return cause && typeof cause === 'object' ? cause : null;
}

function invalid(field: string, rule: string, detail = 'The request has invalid files'): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, detail, { errors: [{ field, rules: [rule] }] });
}

/**
 * Turns what multer (or the multipart parser under it) refused into the problem codes of the
 * upload checks: a file over the size limit is DOCUMENT_TOO_LARGE; too many files, a file in an
 * unknown field, a field limit or a malformed body is VALIDATION_FAILED. Anything else is returned
 * unchanged.
 */
export function toUploadError(error: unknown, fields: readonly UploadField[], maxBytes: number): unknown {
  if (error instanceof DomainError) return error;
  const cause = multerCause(error);
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const field = typeof cause?.field === 'string' ? cause.field : undefined;
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return new DomainError(ErrorCode.DOCUMENT_TOO_LARGE, `A file is larger than ${maxBytes} bytes`, { field: field ?? 'files', maxBytes });
    case 'LIMIT_FILE_COUNT':
      return invalid(fields.length === 1 ? fields[0].name : 'files', 'maxFiles', 'Too many files');
    case 'LIMIT_UNEXPECTED_FILE':
      // multer reports a field over its maxCount the same way as a field nobody declared.
      return field !== undefined && fields.some((known) => known.name === field)
        ? invalid(field, 'maxFiles', 'Too many files')
        : invalid(field ?? 'files', 'unexpectedFile', 'A file was sent in an unexpected field');
  }
  if (code !== undefined && code in FIELD_LIMIT_RULES) return invalid(field ?? 'body', FIELD_LIMIT_RULES[code], 'The multipart body exceeds a limit');
  // Malformed multipart (no boundary, truncated body, bad part headers) or a multipart type other
  // than form-data: the schema's own media type is broken (400). The refusals above concern
  // well-formed parts the domain does not take (422).
  if (error instanceof HttpException && (error.getStatus() === 400 || error.getStatus() === 415)) {
    return new SchemaViolation('The request body is not valid multipart/form-data', { errors: [{ field: 'body', rules: ['multipartFormData'] }] });
  }
  return error;
}
