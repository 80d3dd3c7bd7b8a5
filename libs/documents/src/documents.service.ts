import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { DocumentEntity } from './document.entity.js';
import type { DocumentKind } from './document-kind.js';
import { UnreferencedDocumentKeyEntity } from './unreferenced-document-key.entity.js';
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
  /** Inserts the rows of uploads given to `transaction` (each at most once); their content is already stored. */
  store(request: StoreDocumentsRequest): Promise<DocumentEntity[]>;
}

/**
 * Uploaded documents: validation, all-or-nothing storage (content and rows), scoped reads.
 *
 * No content is ever stored without a durable record: its key goes into `unreferenced_document_keys`
 * (committed) before the content is written, and leaves that table in the transaction that commits
 * the document's row. A key still listed after the grace period has no row and is swept by the
 * worker (DocumentOrphanSweeper), so a failed delete or a crash never leaves content behind for good.
 *
 * Typical use, from a feature service:
 * ```ts
 * const uploads = documents.validate(files, [{ name: 'attachments', minFiles: 0, maxFiles: 5 }]);
 * await documents.transaction(uploads, async (manager, writer) => {
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
   * Stores the content of `uploads` (each under a fresh key recorded as unreferenced first), then
   * runs `work` in a database transaction; `writer.store` inserts the rows, and the commit takes
   * their keys off the unreferenced list. If anything fails (a write, `work`, the commit), every
   * upload's content is removed before the error is rethrown; a removal that fails too leaves its
   * key listed for the sweeper. Uploads `work` did not store are removed after the commit.
   * Returns what `work` returns.
   */
  async transaction<T>(uploads: readonly ValidatedUpload[], work: (manager: EntityManager, writer: DocumentBatchWriter) => Promise<T>): Promise<T> {
    if (uploads.some((upload) => !isValidatedUpload(upload))) {
      throw new Error('Only uploads returned by validateUploads can be stored');
    }
    const keys = new Map<ValidatedUpload, string>(uploads.map((upload) => [upload, newStorageKey()]));
    const referenced = new Set<string>();
    // Committed before any content exists: from here on, a crash or a failed delete leaves a record.
    await this.recordUnreferenced(this.dataSource.manager, [...keys.values()]);
    let result: T;
    try {
      for (const [upload, key] of keys) await this.storage.put(key, upload.bytes);
      result = await this.dataSource.transaction(async (manager) => {
        // First, take the records: this holds them (a row lock, SQLite's write lock) until the
        // commit, so the sweeper, which deletes a record before the content, cannot sweep this
        // upload meanwhile — and if it already took one (an upload slower than the grace), this
        // upload fails whole instead of committing a row without content.
        await this.claimRecords(manager, [...keys.values()]);
        const outcome = await work(manager, { store: (request) => this.insertRows(manager, request, keys, referenced) });
        // Content `work` did not store is listed again, so it is removed after the commit or swept.
        await this.recordUnreferenced(
          manager,
          [...keys.values()].filter((key) => !referenced.has(key)),
        );
        return outcome;
      });
    } catch (error) {
      await this.releaseUnreferenced([...keys.values()]);
      throw error;
    }
    await this.release([...keys.values()].filter((key) => !referenced.has(key)));
    return result;
  }

  private async claimRecords(manager: EntityManager, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const claimed = await manager.delete(UnreferencedDocumentKeyEntity, { storageKey: In([...keys]) });
    if ((claimed.affected ?? keys.length) < keys.length) {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The upload took too long to be stored; send it again');
    }
  }

  /**
   * After a failed transaction: removes the content of the keys no committed row names. A commit
   * whose answer was lost may have landed, so the rows decide; when they cannot be read, every key
   * stays listed for the sweeper (which checks the rows again) and nothing is deleted now.
   */
  private async releaseUnreferenced(keys: readonly string[]): Promise<void> {
    let named: Set<string>;
    try {
      const rows = await this.dataSource.manager.find(DocumentEntity, { where: { storageKey: In([...keys]) }, select: { storageKey: true } });
      named = new Set(rows.map((row) => row.storageKey));
    } catch (error) {
      this.logger.warn(
        `could not check ${keys.length} stored document(s) after a failed upload; the sweeper removes the unreferenced ones: ${(error as Error).message}`,
      );
      return;
    }
    await this.release(keys.filter((key) => !named.has(key)));
  }

  /**
   * Deletes the document rows matching `where` and then their content, for documents that must go
   * (a refused submission). Each row's key is recorded as unreferenced in the same transaction, so
   * content whose delete fails is swept later. Returns how many documents were removed.
   */
  async remove(where: FindOptionsWhere<DocumentEntity>): Promise<number> {
    const released = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.find(DocumentEntity, { where, select: { id: true, storageKey: true } });
      const keys: string[] = [];
      for (const row of rows) {
        // Still matching (a concurrent link may have claimed it): only then is its content released.
        const deleted = await manager.delete(DocumentEntity, { ...where, id: row.id });
        if (deleted.affected) keys.push(row.storageKey);
      }
      await this.recordUnreferenced(manager, keys);
      return keys;
    });
    await this.release(released);
    return released.length;
  }

  /**
   * Deletes the content under `keys` (which no committed row names) and then their unreferenced
   * records. Best effort and idempotent: a failure is logged, not thrown, so the caller's original
   * error stays the one reported; the records of what could not be deleted stay for the sweeper.
   */
  private async release(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const outcomes = await Promise.allSettled(keys.map((key) => this.storage.delete(key)));
    const deleted = keys.filter((_key, index) => outcomes[index].status === 'fulfilled');
    const failures = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failures.length > 0) {
      this.logger.warn(`could not remove ${failures.length} stored document(s) now; the sweeper removes them later: ${(failures[0].reason as Error)?.message}`);
    }
    if (deleted.length === 0) return;
    try {
      await this.dataSource.manager.delete(UnreferencedDocumentKeyEntity, { storageKey: In(deleted) });
    } catch (error) {
      // The content is gone; a leftover record only costs the sweeper an idempotent delete.
      this.logger.warn(`could not clear ${deleted.length} unreferenced document key(s): ${(error as Error).message}`);
    }
  }

  private async recordUnreferenced(manager: EntityManager, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const recordedAt = new Date();
    await manager.insert(
      UnreferencedDocumentKeyEntity,
      keys.map((storageKey) => ({ storageKey, recordedAt })),
    );
  }

  private async insertRows(
    manager: EntityManager,
    request: StoreDocumentsRequest,
    keys: ReadonlyMap<ValidatedUpload, string>,
    referenced: Set<string>,
  ): Promise<DocumentEntity[]> {
    const now = Date.now();
    const rows = request.documents.map(({ upload, kind }, index) => {
      const storageKey = keys.get(upload);
      if (storageKey === undefined) throw new Error('Only uploads given to DocumentsService.transaction can be stored');
      if (referenced.has(storageKey)) throw new Error('An upload can be stored once');
      return Object.assign(new DocumentEntity(), {
        id: randomUUID(),
        ownerMemberId: request.ownerMemberId,
        storageKey,
        originalName: upload.originalName,
        mediaType: upload.mediaType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        kind,
        applicationId: request.applicationId ?? null,
        inquiryId: request.inquiryId ?? null,
        // A millisecond apart, so that listings keep the upload order.
        createdAt: new Date(now + index),
      });
    });
    if (rows.length > 0) await manager.insert(DocumentEntity, rows);
    for (const row of rows) referenced.add(row.storageKey);
    return rows;
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
