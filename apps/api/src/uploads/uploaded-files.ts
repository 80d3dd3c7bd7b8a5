import type { UploadedFile } from '#app/documents';

/** The part of a multer file (memory storage) that the documents library needs. */
export interface MulterMemoryFile {
  readonly fieldname: string;
  readonly originalname: string;
  readonly buffer: Buffer;
}

/** multer's `req.files` (from FileFieldsInterceptor) as the documents library's input, field by field. */
export function toUploadedFiles(files: Record<string, MulterMemoryFile[] | undefined> | undefined): UploadedFile[] {
  return Object.values(files ?? {})
    .flatMap((list) => list ?? [])
    .map((file) => ({ field: file.fieldname, originalName: file.originalname, bytes: file.buffer }));
}
