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
 * Safe with several replicas and with uploads in flight: each key is swept in a transaction that
 * first deletes its record — an upload's transaction takes (deletes) its records first too, so the
 * two exclude each other: an upload still committing makes the sweep wait and then find the record
 * gone; an upload slower than the grace finds its record taken and fails whole (503, nothing
 * committed). A committed row therefore always has its content.
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
        let outcome: 'removed' | 'referenced' | 'taken';
        try {
          outcome = await this.sweepOne(storageKey, cutoff);
        } catch (error) {
          failed += 1;
          failuresInARow += 1;
          this.logger.warn(`could not delete unreferenced document content: ${(error as Error).message}`);
          if (failuresInARow >= MAX_FAILURES_IN_A_ROW) return this.report({ removed, referenced, failed });
          continue;
        }
        failuresInARow = 0;
        if (outcome === 'removed') removed += 1;
        if (outcome === 'referenced') referenced += 1;
      }
      if (batch.length < batchSize) return this.report({ removed, referenced, failed });
    }
  }

  /**
   * One key, in one transaction: the record is deleted first (so an upload still holding it makes
   * this wait, and one that commits after finds it gone and fails whole), then the rows are checked
   * and the content deleted; a failed delete rolls the record back for the next sweep.
   */
  private sweepOne(storageKey: string, cutoff: Date): Promise<'removed' | 'referenced' | 'taken'> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager.delete(UnreferencedDocumentKeyEntity, { storageKey, recordedAt: LessThan(cutoff) });
      if (!claimed.affected) return 'taken';
      if (await manager.existsBy(DocumentEntity, { storageKey })) return 'referenced';
      await this.storage.delete(storageKey);
      return 'removed';
    });
  }

  private report(outcome: SweepOutcome): SweepOutcome {
    if (outcome.removed + outcome.referenced + outcome.failed > 0) {
      this.logger.log(`document sweep: ${outcome.removed} removed, ${outcome.referenced} still referenced, ${outcome.failed} failed`);
    }
    return outcome;
  }
}
