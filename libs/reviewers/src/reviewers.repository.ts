import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { isUniqueViolation } from '#app/persistence';
import { normaliseReviewerEmail } from './reviewer-email.js';
import { ReviewerEntity } from './reviewer.entity.js';

@Injectable()
export class ReviewersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<ReviewerEntity | null> {
    return manager.findOneBy(ReviewerEntity, { id });
  }

  /**
   * Reads these accounts inside `manager`'s transaction and holds them until it ends, so two
   * transactions changing overlapping accounts run one after the other and the second reads what
   * the first committed. MySQL: SELECT … FOR UPDATE, in ID order (no deadlock between two such
   * transactions). SQLite has no row locks: a write first (a no-op on the same rows) takes the
   * database's write lock, waiting out another connection's writer, before anything is read; in
   * one process the transactions already take turns (sqlite-serialisation.ts).
   */
  async lockForChange(ids: readonly string[], manager: EntityManager): Promise<ReviewerEntity[]> {
    const sorted = [...new Set(ids)].sort();
    if (manager.connection.options.type === 'mysql') {
      return manager.find(ReviewerEntity, { where: { id: In(sorted) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    }
    await manager
      .createQueryBuilder()
      .update(ReviewerEntity)
      .set({ id: () => 'id' })
      .where('id IN (:...ids)', { ids: sorted })
      .execute();
    return manager.find(ReviewerEntity, { where: { id: In(sorted) }, order: { id: 'ASC' } });
  }

  findByEmail(email: string): Promise<ReviewerEntity | null> {
    return this.dataSource.manager.findOneBy(ReviewerEntity, { email: normaliseReviewerEmail(email) });
  }

  /** Every reviewer account, oldest first (a short list: reviewers are staff). */
  listAll(): Promise<ReviewerEntity[]> {
    return this.dataSource.manager.find(ReviewerEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Inserts a new reviewer; the unique index on email decides a race (LOGIN_ID_TAKEN). */
  async insert(reviewer: ReviewerEntity, manager: EntityManager): Promise<void> {
    try {
      await manager.insert(ReviewerEntity, reviewer);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.LOGIN_ID_TAKEN, 'A reviewer account with this email already exists');
      throw error;
    }
  }
}
