import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { isUniqueViolation } from '#app/persistence';
import { normaliseLoginId } from './login-id.js';
import { MemberEntity } from './member.entity.js';

export interface FailedPasswordOutcome {
  /** Set when this very attempt locked the account (exactly one concurrent attempt does). */
  readonly lockedUntil: Date | null;
}

@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MemberEntity | null> {
    return manager.findOneBy(MemberEntity, { id });
  }

  findByLoginId(loginId: string): Promise<MemberEntity | null> {
    return this.dataSource.manager.findOneBy(MemberEntity, { loginId: normaliseLoginId(loginId) });
  }

  /** Inserts a new member; the unique index on login_id decides a race (LOGIN_ID_TAKEN). */
  async insert(member: MemberEntity, manager: EntityManager): Promise<void> {
    try {
      await manager.insert(MemberEntity, member);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.LOGIN_ID_TAKEN, 'This login ID is already in use');
      throw error;
    }
  }

  /**
   * Counts a wrong password atomically; at the threshold the account's password checks lock until
   * `lockUntil`. The conditional update lets exactly one of several concurrent attempts lock it.
   */
  async recordFailedPassword(memberId: string, threshold: number, lockUntil: Date): Promise<FailedPasswordOutcome> {
    return this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(MemberEntity)
        .set({ failedPasswordAttempts: () => 'failed_password_attempts + 1' })
        .where('id = :memberId', { memberId })
        .execute();
      const locked = await manager
        .createQueryBuilder()
        .update(MemberEntity)
        .set({ failedPasswordAttempts: 0, lockedUntil: lockUntil })
        .where('id = :memberId AND failed_password_attempts >= :threshold', { memberId, threshold })
        .execute();
      return { lockedUntil: locked.affected ? lockUntil : null };
    });
  }

  /** A correct password clears the count (a no-op write is skipped). */
  async resetFailedPasswords(member: MemberEntity): Promise<void> {
    if (member.failedPasswordAttempts === 0 && member.lockedUntil === null) return;
    await this.dataSource
      .createQueryBuilder()
      .update(MemberEntity)
      .set({ failedPasswordAttempts: 0, lockedUntil: null })
      .where('id = :id', { id: member.id })
      .execute();
  }
}
