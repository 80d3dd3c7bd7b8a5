import { Injectable, mixin, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
// The interceptor alone: the package's index would load the Express adapter and Express with it.
import { FileFieldsInterceptor } from '@nestjs/platform-express/multer/interceptors/file-fields.interceptor.js';
import multer from 'multer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_REQUEST, type UploadField } from '#app/documents';
import { SchemaViolation } from '#app/web';
import { toUploadError } from './multipart-errors.js';

/** Text fields a document upload request may carry next to its files (and their size). */
const MAX_TEXT_FIELDS = 20;
const MAX_TEXT_FIELD_BYTES = 64 * 1024;

/**
 * Parses a multipart/form-data request with documents: files stay in memory (nothing reaches the
 * disk before the upload checks), with multer's limits set from the documents library (10 MiB a
 * file, the fields' maxFiles, 5 in all), and file names decoded as UTF-8. Multer's refusals
 * become DOCUMENT_TOO_LARGE / VALIDATION_FAILED problems, never a 500. The handler then passes
 * the files (see toUploadedFiles) to a service that validates them by content. `textFields: false`
 * is for a route that takes files only (and so has no body DTO): any text part is refused (400).
 *
 * The API runs on Fastify, which leaves a multipart body unread (configureFastify): multer — with
 * @nestjs/platform-express's own handling of its limits and errors — reads it from the Node request
 * under Fastify's, and its files and text fields are handed to Fastify's request for the handler.
 */
export function DocumentUploadInterceptor(
  fields: readonly UploadField[],
  { maxBytes = MAX_DOCUMENT_BYTES, textFields = true }: { maxBytes?: number; textFields?: boolean } = {},
): Type<NestInterceptor> {
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
      const http = context.switchToHttp();
      const request = http.getRequest<FastifyRequest & { files?: unknown }>();
      const raw = request.raw as typeof request.raw & { body?: unknown; files?: unknown };
      const onRaw = { switchToHttp: () => ({ getRequest: () => raw, getResponse: () => http.getResponse<FastifyReply>().raw }) } as ExecutionContext;
      let handled: Observable<unknown>;
      try {
        handled = await this.multer.intercept(onRaw, next);
      } catch (error) {
        throw toUploadError(error, fields, maxBytes);
      }
      // A multipart body is multer's; any other (JSON, none) is what the body parser read.
      if (raw.files !== undefined) {
        request.body = raw.body;
        request.files = raw.files;
      }
      // Without a body DTO no validation pipe refuses unknown text parts; the schema forbids them all.
      const body = (request.body ?? {}) as Record<string, unknown>;
      const unknown = textFields ? [] : Object.keys(body);
      if (unknown.length > 0) {
        throw new SchemaViolation('The request has invalid fields', { errors: unknown.map((field) => ({ field, rules: ['whitelistValidation'] })) });
      }
      return handled;
    }
  }
  return mixin(DocumentUpload);
}
