import { Injectable, mixin, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_REQUEST, type UploadField } from '#app/documents';
import { toUploadError } from './multipart-errors.js';

/** Text fields a document upload request may carry next to its files (and their size). */
const MAX_TEXT_FIELDS = 20;
const MAX_TEXT_FIELD_BYTES = 64 * 1024;

/**
 * Parses a multipart/form-data request with documents: files stay in memory (nothing reaches the
 * disk before the upload checks), with multer's limits set from the documents library (10 MiB a
 * file, the fields' maxFiles, 5 in all), and file names decoded as UTF-8. Multer's refusals
 * become DOCUMENT_TOO_LARGE / VALIDATION_FAILED problems, never a 500. The handler then passes
 * the files (see toUploadedFiles) to a service that validates them by content.
 */
export function DocumentUploadInterceptor(fields: readonly UploadField[], maxBytes = MAX_DOCUMENT_BYTES): Type<NestInterceptor> {
  const maxFiles = Math.min(
    MAX_DOCUMENTS_PER_REQUEST,
    fields.reduce((sum, field) => sum + field.maxFiles, 0),
  );
  const Multer = FileFieldsInterceptor(
    fields.map((field) => ({ name: field.name, maxCount: field.maxFiles })),
    {
      storage: multer.memoryStorage(),
      defParamCharset: 'utf8',
      // The whole client name reaches sanitiseFileName: busboy's own trimming turns `..` into no name,
      // and multer then drops the file silently instead of refusing or keeping it.
      preservePath: true,
      limits: {
        // multer refuses a file only once it is larger than this (it asks busboy for one byte more).
        fileSize: maxBytes,
        files: maxFiles,
        fields: MAX_TEXT_FIELDS,
        fieldSize: MAX_TEXT_FIELD_BYTES,
        parts: maxFiles + MAX_TEXT_FIELDS,
      },
    },
  );

  @Injectable()
  class DocumentUpload implements NestInterceptor {
    private readonly multer = new Multer();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (error) {
        throw toUploadError(error, fields, maxBytes);
      }
    }
  }
  return mixin(DocumentUpload);
}
