import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';

// A little above the API's own limits (10 MiB a file, 5 files), so that the API, which checks every
// file by content, gives the precise refusal; beyond these the portal refuses without reading on.
const MAX_FILE_BYTES = 10 * 1024 * 1024 + 1024;
const MAX_FILES = 6;

export interface UploadRefusal {
  readonly code: 'DOCUMENT_TOO_LARGE' | 'VALIDATION_FAILED';
  readonly field: string;
  readonly rule?: string;
}

/** Parses a multipart form into memory (req.body: its text fields; req.files: its files); a refusal goes to res.locals.uploadRefusal. */
export function multipartForm(fields: readonly string[]): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 30, fieldSize: 64 * 1024 } }).fields(
    fields.map((name) => ({ name, maxCount: MAX_FILES })),
  );
  return (req: Request, res: Response, next: NextFunction) => {
    upload(req, res, (error: unknown) => {
      if (error) {
        const multerError = error as { code?: string; field?: string };
        res.locals.uploadRefusal = {
          code: multerError.code === 'LIMIT_FILE_SIZE' ? 'DOCUMENT_TOO_LARGE' : 'VALIDATION_FAILED',
          field: multerError.field ?? fields[0],
          rule: multerError.code === 'LIMIT_FILE_COUNT' || multerError.code === 'LIMIT_UNEXPECTED_FILE' ? 'maxFiles' : undefined,
        } satisfies UploadRefusal;
        req.body ??= {};
      }
      next();
    });
  };
}

/** The files of the request, as FormData parts for the API (name, type and bytes as the browser sent them). */
export function appendFiles(form: FormData, req: Request, fields: readonly string[]): void {
  const files = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
  for (const name of fields) {
    for (const file of files[name] ?? []) {
      // An <input type=file> left empty still sends one empty, nameless part: not a file.
      if (file.size === 0 && file.originalname === '') continue;
      form.append(name, new Blob([new Uint8Array(file.buffer)], { type: file.mimetype || 'application/octet-stream' }), file.originalname || 'file');
    }
  }
}
