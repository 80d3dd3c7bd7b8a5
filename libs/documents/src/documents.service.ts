import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentEntity } from './document.entity.js';
import type { DocumentKind } from './document-kind.js';
import { DOCUMENT_STORAGE, newStorageKey, type DocumentStorage } from './storage/document-storage.js';
import {
  DEFAULT_UPLOAD_LIMITS,
  isValidatedUpload,
  validateUploads,
  type UploadedFile,
  type UploadField,
  type UploadLimits,
  type ValidatedUpload,
} from './upload/validate-uploads.js';

/** A batch of validated files for one owner, attached to (at most) one application or inquiry. */
export interface StoreDocumentsRequest {
  readonly ownerMemberId: string;
  readonly documents: ReadonlyArray<{ readonly upload: ValidatedUpload; readonly kind: DocumentKind }>;
  readonly applicationId?: string | null;
  readonly inquiryId?: string | null;
}

/**
 * Who may open a document: every property given must match the row. A member passes
 * `ownerMemberId`; a reviewer passes the `applicationId` they are looking at.
 */
export interface DocumentScope {
  readonly ownerMemberId?: string;
  readonly applicationId?: string;
  readonly inquiryId?: string;
}

export interface OpenedDocument {
  readonly document: DocumentEntity;
  readonly content: Buffer | Readable;
}

/** Stores batches inside DocumentsService.transaction; what it wrote is removed if the transaction fails. */
export interface DocumentBatchWriter {
  store(request: StoreDocumentsRequest): Promise<DocumentEntity[]>;
}

/**
 * Uploaded documents: validation, all-or-nothing storage (files and rows), scoped reads.
 *
 * Typical use, from a feature service:
 * ```ts
 * const uploads = documents.validate(files, [{ name: 'attachments', minFiles: 0, maxFiles: 5 }]);
 * await documents.transaction(async (manager, writer) => {
 *   await manager.insert(InquiryEntity, inquiry);
 *   await writer.store({ ownerMemberId, inquiryId: inquiry.id, documents: uploads.map((upload) => ({ upload, kind: 'INQUIRY_ATTACHMENT' })) });
 * });
 * ```
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /** See validateUploads: checks counts, emptiness, size and content type of every file. */
  validate(files: readonly UploadedFile[], fields: readonly UploadField[], limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): ValidatedUpload[] {
    return validateUploads(files, fields, limits);
  }

  /**
   * Writes every file, then inserts their rows with the caller's transaction `manager`. When a
   * write or the insert fails, the files already written are removed before the error is
   * rethrown: nothing of the batch is left. If the caller's transaction later rolls back, the
   * caller must `discard` the returned documents (or use `transaction`, which does it).
   */
  async store(manager: EntityManager, request: StoreDocumentsRequest): Promise<DocumentEntity[]> {
    if (request.documents.some(({ upload }) => !isValidatedUpload(upload))) {
      throw new Error('Only uploads returned by validateUploads can be stored');
    }
    const now = Date.now();
    const rows = request.documents.map(({ upload, kind }, index) =>
      Object.assign(new DocumentEntity(), {
        id: randomUUID(),
        ownerMemberId: request.ownerMemberId,
        storageKey: newStorageKey(),
        originalName: upload.originalName,
        mediaType: upload.mediaType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        kind,
        applicationId: request.applicationId ?? null,
        inquiryId: request.inquiryId ?? null,
        // A millisecond apart, so that listings keep the upload order.
        createdAt: new Date(now + index),
      }),
    );
    const written: DocumentEntity[] = [];
    try {
      for (const [index, row] of rows.entries()) {
        // Counted before the write: a write that fails half-way may have left a file behind.
        written.push(row);
        await this.storage.put(row.storageKey, request.documents[index].upload.bytes);
      }
      if (rows.length > 0) await manager.insert(DocumentEntity, rows);
      return rows;
    } catch (error) {
      await this.discard(written);
      throw error;
    }
  }

  /**
   * Removes the stored content of documents whose rows did not commit (a rolled-back
   * transaction). Best effort and idempotent: a failure to remove one file is logged, not thrown,
   * so the caller's original error stays the one reported.
   */
  async discard(documents: ReadonlyArray<Pick<DocumentEntity, 'storageKey'>>): Promise<void> {
    const outcomes = await Promise.allSettled(documents.map((document) => this.storage.delete(document.storageKey)));
    const failures = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failures.length > 0) {
      this.logger.error(`could not remove ${failures.length} file(s) of a failed document batch: ${(failures[0].reason as Error)?.message}`);
    }
  }

  /**
   * Runs `work` in a database transaction; every batch stored through the writer is removed
   * from storage if `work` throws or the commit fails. Returns what `work` returns.
   */
  async transaction<T>(work: (manager: EntityManager, writer: DocumentBatchWriter) => Promise<T>): Promise<T> {
    const stored: DocumentEntity[] = [];
    try {
      return await this.dataSource.transaction((manager) =>
        work(manager, {
          store: async (request) => {
            const documents = await this.store(manager, request);
            stored.push(...documents);
            return documents;
          },
        }),
      );
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
  }

  /**
   * A document and its content, for a download. NOT_FOUND when no document has this id within
   * `scope` (another member's document looks exactly like a missing one).
   */
  async open(documentId: string, scope: DocumentScope): Promise<OpenedDocument> {
    const document = await this.findInScope(documentId, scope);
    if (!document) throw new DomainError(ErrorCode.NOT_FOUND, 'No such document');
    return { document, content: await this.storage.get(document.storageKey) };
  }

  /** The document's row within `scope`, or null. */
  async findInScope(documentId: string, scope: DocumentScope, manager: EntityManager = this.dataSource.manager): Promise<DocumentEntity | null> {
    const where: Record<string, string> = { id: documentId };
    for (const [key, value] of Object.entries(scope)) {
      // An undefined owner must never widen the scope to every member's documents.
      if (typeof value !== 'string' || value === '') throw new Error(`Document scope ${key} must be a non-empty string`);
      where[key] = value;
    }
    return manager.findOneBy(DocumentEntity, where);
  }

  /** The documents attached to these inquiries, oldest first. */
  listForInquiries(inquiryIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<DocumentEntity[]> {
    if (inquiryIds.length === 0) return Promise.resolve([]);
    return manager.find(DocumentEntity, { where: { inquiryId: In([...inquiryIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The documents attached to an application, oldest first. */
  listForApplication(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentEntity[]> {
    return manager.find(DocumentEntity, { where: { applicationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
