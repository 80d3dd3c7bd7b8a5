import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import multer from 'multer';
import { DomainError } from '#app/core';
import { toUploadError } from './multipart-errors.js';

const FIELDS = [{ name: 'attachments', minFiles: 0, maxFiles: 5 }];
const MAX = 10 * 1024 * 1024;

// What @nestjs/platform-express throws: multer's error wrapped, and kept as the cause.
const wrapped = (code: ConstructorParameters<typeof multer.MulterError>[0], field?: string) => {
  const cause = new multer.MulterError(code, field);
  return code === 'LIMIT_FILE_SIZE' ? new PayloadTooLargeException(cause.message, { cause }) : new BadRequestException(cause.message, { cause });
};

function mapped(error: unknown): { code: string; details: Record<string, unknown> } {
  const result = toUploadError(error, FIELDS, MAX);
  if (!(result instanceof DomainError)) throw new Error(`not mapped: ${String(result)}`);
  return { code: result.code, details: result.details };
}

describe('toUploadError', () => {
  it('maps an oversize file to DOCUMENT_TOO_LARGE', () => {
    expect(mapped(wrapped('LIMIT_FILE_SIZE', 'attachments'))).toEqual({ code: 'DOCUMENT_TOO_LARGE', details: { field: 'attachments', maxBytes: MAX } });
  });

  it('maps too many files, in all or in a field, to VALIDATION_FAILED maxFiles', () => {
    expect(mapped(wrapped('LIMIT_FILE_COUNT'))).toEqual({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'attachments', rules: ['maxFiles'] }] } });
    expect(mapped(wrapped('LIMIT_UNEXPECTED_FILE', 'attachments')).details).toEqual({ errors: [{ field: 'attachments', rules: ['maxFiles'] }] });
  });

  it('maps a file in an undeclared field to VALIDATION_FAILED unexpectedFile', () => {
    expect(mapped(wrapped('LIMIT_UNEXPECTED_FILE', 'avatar')).details).toEqual({ errors: [{ field: 'avatar', rules: ['unexpectedFile'] }] });
  });

  it('maps field limits to VALIDATION_FAILED', () => {
    expect(mapped(wrapped('LIMIT_FIELD_VALUE', 'body')).details).toEqual({ errors: [{ field: 'body', rules: ['maxLength'] }] });
    expect(mapped(wrapped('LIMIT_FIELD_COUNT')).details).toEqual({ errors: [{ field: 'body', rules: ['maxFields'] }] });
  });

  it('maps a malformed or non-form-data multipart body to VALIDATION_FAILED', () => {
    expect(mapped(new BadRequestException('Multipart: Unexpected end of form')).code).toBe('VALIDATION_FAILED');
    expect(mapped(new UnsupportedMediaTypeException('Unsupported content type')).code).toBe('VALIDATION_FAILED');
  });

  it('leaves other errors alone', () => {
    const failure = new Error('disk on fire');
    expect(toUploadError(failure, FIELDS, MAX)).toBe(failure);
  });
});
