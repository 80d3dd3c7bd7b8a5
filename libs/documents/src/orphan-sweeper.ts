import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, MoreThan, type DataSource } from 'typeorm';
import { DocumentEntity } from './document.entity.js';
import { DOCUMENT_STORAGE, type DocumentStorage } from './storage/document-storage.js';
import { UnreferencedDocumentKeyEntity } from './unreferenced-document-key.entity.js';

export interface SweepOptions {
  /** Keys recorded less than this long ago are left alone: their upload may still be committing. */
  readonly graceSeconds: number;
  /** The sweep's clock (the default: now). */
  readonly now?: Date;
  /** Keys read per query. */
  readonly batchSize?: number;
}

export interface SweepOutcome {
  /** Content deleted (or found already gone) and its record cleared. */
  readonly removed: number;
  /** Records of keys a committed row names after all: cleared, the content kept. */
  readonly referenced: number;
  /** Deletes that failed; their records stay for the next sweep. */
  readonly failed: number;
}

// A store that refuses this many deletes in a row is down: the rest waits for the next sweep.
const MAX_FAILURES_IN_A_ROW = 3;

/**
 * Deletes stored content that no committed document row names: the keys still listed in
 * `unreferenced_document_keys` after the grace period (a delete that failed when a submission was
 * refused, a process that died between writing the content and committing its row).
 *
 * Safe with several replicas at once: a key is checked against `documents` before its content is
 * deleted, the delete is idempotent, and clearing a record twice is harmless. A record only ever
 * outlives its grace period with no row to commit, as long as the grace exceeds any upload's
 * transaction (seconds; the default grace is an hour).
 */
@Injectable()
export class DocumentOrphanSweeper {
  private readonly logger = new Logger(DocumentOrphanSweeper.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async sweep(options: SweepOptions): Promise<SweepOutcome> {
    const cutoff = new Date((options.now ?? new Date()).getTime() - options.graceSeconds * 1_000);
    const batchSize = options.batchSize ?? 100;
    const manager = this.dataSource.manager;
    let removed = 0;
    let referenced = 0;
    let failed = 0;
    let failuresInARow = 0;
    let after = '';
    for (;;) {
      // Keyset pagination by key: a record whose delete failed is passed over, not read again.
      const batch = await manager.find(UnreferencedDocumentKeyEntity, {
        where: { recordedAt: LessThan(cutoff), storageKey: MoreThan(after) },
        order: { storageKey: 'ASC' },
        take: batchSize,
      });
      for (const { storageKey } of batch) {
        after = storageKey;
        if (await manager.existsBy(DocumentEntity, { storageKey })) {
          await manager.delete(UnreferencedDocumentKeyEntity, { storageKey });
          referenced += 1;
          continue;
        }
        try {
          await this.storage.delete(storageKey);
        } catch (error) {
          failed += 1;
          failuresInARow += 1;
          this.logger.warn(`could not delete unreferenced document content: ${(error as Error).message}`);
          if (failuresInARow >= MAX_FAILURES_IN_A_ROW) return this.report({ removed, referenced, failed });
          continue;
        }
        failuresInARow = 0;
        await manager.delete(UnreferencedDocumentKeyEntity, { storageKey });
        removed += 1;
      }
      if (batch.length < batchSize) return this.report({ removed, referenced, failed });
    }
  }

  private report(outcome: SweepOutcome): SweepOutcome {
    if (outcome.removed + outcome.referenced + outcome.failed > 0) {
      this.logger.log(`document sweep: ${outcome.removed} removed, ${outcome.referenced} still referenced, ${outcome.failed} failed`);
    }
    return outcome;
  }
}
