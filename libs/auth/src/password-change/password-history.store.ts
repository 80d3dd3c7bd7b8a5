import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PASSWORD_HISTORY_SIZE, PasswordHasher, isRecentlyUsed } from '#app/members';
import { PasswordHistoryEntity } from './password-history.entity.js';

// The current password is one of the "3 most recently used": the history keeps the other two.
export const REMEMBERED_PREVIOUS = PASSWORD_HISTORY_SIZE - 1;

/**
 * The stored side of the recently-used rule (product.md §2), shared by the password change and the
 * password reset: which previous hashes to compare, and remembering the hash a new password replaces.
 */
@Injectable()
export class PasswordHistoryStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Whether `newPassword` matches one of `currentHashes` (compared first) or the remembered previous ones. */
  async isRecentlyUsed(memberId: string, newPassword: string, currentHashes: readonly string[] = []): Promise<boolean> {
    const previous = await this.dataSource.manager.find(PasswordHistoryEntity, {
      where: { memberId },
      order: { replacedAt: 'DESC' },
      take: REMEMBERED_PREVIOUS,
    });
    const hashes = [...currentHashes, ...previous.map((entry) => entry.passwordHash)];
    return isRecentlyUsed(newPassword, hashes, (plain, hash) => this.hasher.verify(plain, hash), hashes.length);
  }

  /** Remembers the hash a new password replaced and forgets what falls out of the history. */
  async remember(manager: EntityManager, memberId: string, replacedHash: string, replacedAt: Date): Promise<void> {
    await manager.insert(PasswordHistoryEntity, { id: randomUUID(), memberId, passwordHash: replacedHash, replacedAt });
    const kept = await manager.find(PasswordHistoryEntity, { where: { memberId }, order: { replacedAt: 'DESC' } });
    const stale = kept.slice(REMEMBERED_PREVIOUS).map((entry) => entry.id);
    if (stale.length) await manager.delete(PasswordHistoryEntity, stale);
  }
}
