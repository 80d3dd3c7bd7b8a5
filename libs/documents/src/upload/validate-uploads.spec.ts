import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '#app/core';
import { isValidatedUpload, validateUploads, type UploadedFile, type UploadField } from './validate-uploads.js';

const fixture = (name: string) => fs.readFileSync(path.resolve('test/fixtures', name));
const ATTACHMENTS: UploadField[] = [{ name: 'attachments', minFiles: 0, maxFiles: 5 }];
const file = (bytes: Buffer, originalName = 'proof.pdf', field = 'attachments'): UploadedFile => ({ field, originalName, bytes });

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('validateUploads', () => {
  it('accepts PDF, PNG and JPEG, detecting the type from the content and hashing it', () => {
    const uploads = validateUploads(
      [file(fixture('valid/proof.pdf'), 'a.png'), file(fixture('valid/proof.png'), 'b.jpg'), file(fixture('valid/proof.jpg'), 'c.pdf')],
      ATTACHMENTS,
    );
    expect(uploads.map((upload) => upload.mediaType)).toEqual(['application/pdf', 'image/png', 'image/jpeg']);
    expect(uploads[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(uploads[0].sizeBytes).toBe(fixture('valid/proof.pdf').length);
    expect(uploads.every(isValidatedUpload)).toBe(true);
  });

  it('records a sanitised name, never the raw one', () => {
    const [upload] = validateUploads([file(fixture('valid/proof.pdf'), '../../etc/passwd.pdf')], ATTACHMENTS);
    expect(upload.originalName).toBe('passwd.pdf');
  });

  it('accepts no files when none are required', () => {
    expect(validateUploads([], ATTACHMENTS)).toEqual([]);
  });

  it.each(['invalid/renamed-linux-executable.pdf', 'invalid/renamed-windows-executable.pdf', 'invalid/plain-text.png'])(
    'refuses %s as UNSUPPORTED_DOCUMENT_TYPE',
    (name) => {
      const error = refusal(() => validateUploads([file(fixture('valid/proof.pdf')), file(fixture(name), path.basename(name))], ATTACHMENTS));
      expect(error.code).toBe('UNSUPPORTED_DOCUMENT_TYPE');
      expect(error.details).toMatchObject({ field: 'attachments.1' });
    },
  );

  it('refuses an empty file as VALIDATION_FAILED', () => {
    const error = refusal(() => validateUploads([file(fixture('invalid/empty.pdf'))], ATTACHMENTS));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ errors: [{ field: 'attachments.0', rules: ['notEmpty'] }] });
  });

  it('refuses a file over the limit as DOCUMENT_TOO_LARGE, and accepts one at the limit', () => {
    const atLimit = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1_000 - 9)]);
    expect(validateUploads([file(atLimit)], ATTACHMENTS, { maxBytes: 1_000, maxFiles: 5 })).toHaveLength(1);
    const error = refusal(() => validateUploads([file(Buffer.concat([atLimit, Buffer.from('x')]))], ATTACHMENTS, { maxBytes: 1_000, maxFiles: 5 }));
    expect(error.code).toBe('DOCUMENT_TOO_LARGE');
    expect(error.details).toMatchObject({ maxBytes: 1_000 });
  });

  it('refuses too many files, too few, and files in an unknown field as VALIDATION_FAILED', () => {
    const pdf = fixture('valid/proof.pdf');
    expect(
      refusal(() =>
        validateUploads(
          Array.from({ length: 6 }, () => file(pdf)),
          ATTACHMENTS,
        ),
      ).details,
    ).toEqual({
      errors: [{ field: 'attachments', rules: ['maxFiles'] }],
    });
    const fields: UploadField[] = [
      { name: 'applicationForm', minFiles: 1, maxFiles: 1 },
      { name: 'proofDocuments', minFiles: 1, maxFiles: 4 },
    ];
    expect(refusal(() => validateUploads([file(pdf, 'a.pdf', 'applicationForm'), file(pdf, 'b.pdf', 'other')], fields)).details).toEqual({
      errors: [
        { field: 'other', rules: ['unexpectedFile'] },
        { field: 'proofDocuments', rules: ['minFiles'] },
      ],
    });
  });

  it('applies the request-wide file limit across fields', () => {
    const pdf = fixture('valid/proof.pdf');
    const fields: UploadField[] = [
      { name: 'applicationForm', minFiles: 1, maxFiles: 1 },
      { name: 'proofDocuments', minFiles: 1, maxFiles: 4 },
    ];
    const files = [file(pdf, 'a.pdf', 'applicationForm'), ...Array.from({ length: 4 }, () => file(pdf, 'p.pdf', 'proofDocuments'))];
    expect(validateUploads(files, fields)).toHaveLength(5);
    expect(refusal(() => validateUploads(files, fields, { maxBytes: 10_000, maxFiles: 4 })).details).toEqual({
      errors: [{ field: 'files', rules: ['maxFiles'] }],
    });
  });

  it('only marks its own results as validated', () => {
    const [upload] = validateUploads([file(fixture('valid/proof.pdf'))], ATTACHMENTS);
    expect(isValidatedUpload({ ...upload })).toBe(false);
  });
});
