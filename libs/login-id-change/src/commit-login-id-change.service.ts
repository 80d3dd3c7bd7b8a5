import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { SessionsService } from '#app/auth';
import { DomainError, ErrorCode } from '#app/core';
import { LoginIdReservations, MemberEntity, normaliseLoginId } from '#app/members';
import { isUniqueViolation } from '#app/persistence';
import type { CommitOutcome, NewLoginIdCheck } from '#workflows/login-id-change/login-id-change.types';
import { LoginIdChangeRevertEntity } from './login-id-change-revert.entity.js';

export const REVERT_WINDOW_DAYS = 7;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The database side of a login-ID change: checking the new address and committing it. */
@Injectable()
export class CommitLoginIdChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditTrail,
    private readonly reservations: LoginIdReservations,
  ) {}

  async checkNewLoginId(memberId: string, requested: string): Promise<NewLoginIdCheck> {
    const loginId = normaliseLoginId(requested);
    if (!EMAIL.test(loginId) || loginId.length > 254)
      return { ok: false, code: 'VALIDATION_FAILED', message: 'The new login ID must be a valid email address' };
    const member = await this.dataSource.manager.findOneBy(MemberEntity, { id: memberId });
    if (!member) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
    if (member.loginId === loginId) return { ok: false, code: 'VALIDATION_FAILED', message: 'The new login ID must differ from the current one' };
    const holder = await this.dataSource.manager.findOneBy(MemberEntity, { loginId });
    if (holder) return { ok: false, code: 'LOGIN_ID_TAKEN', message: 'This address is already used by another member' };
    // Another member's previous address, kept for its revert window (product.md §3).
    if (await this.reservations.isReservedForSomeoneElse(loginId, memberId))
      return { ok: false, code: 'LOGIN_ID_TAKEN', message: 'This address is already used by another member' };
    return { ok: true, loginId };
  }

  /**
   * In one transaction: the login ID, the revert record, the other sessions revoked, the audit
   * event (keyed). Idempotent per change ID: a retried activity finds its revert record, also when
   * a paused first attempt and its retry run at once (the loser's error gives way to the winner's
   * record). The unique index decides a race for the address: LOGIN_ID_TAKEN, nothing else changes.
   */
  async commit(changeId: string, memberId: string, keepSessionId: string, newLoginId: string, key = `${changeId}:COMMIT`): Promise<CommitOutcome> {
    const committed = async () => {
      const done = await this.dataSource.manager.findOneBy(LoginIdChangeRevertEntity, { changeId });
      return done ? { ok: true as const, previousLoginId: done.previousLoginId } : undefined;
    };
    const earlier = await committed();
    if (earlier) return earlier;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const member = await manager.findOneBy(MemberEntity, { id: memberId });
        if (!member) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
        const now = new Date();
        const updated = await manager
          .createQueryBuilder()
          .update(MemberEntity)
          .set({ loginId: newLoginId, version: () => 'version + 1', updatedAt: now })
          .where('id = :id AND login_id = :previous', { id: memberId, previous: member.loginId })
          .execute();
        if (!updated.affected) throw new DomainError(ErrorCode.INVALID_STATE, 'The login ID changed meanwhile');
        await manager.insert(LoginIdChangeRevertEntity, {
          changeId,
          memberId,
          previousLoginId: member.loginId,
          newLoginId,
          committedAt: now,
          expiresAt: new Date(now.getTime() + REVERT_WINDOW_DAYS * 86_400_000),
          revertedAt: null,
        });
        await this.reservations.reserve(manager, member.loginId, memberId, new Date(now.getTime() + REVERT_WINDOW_DAYS * 86_400_000));
        const revoked = await this.sessions.revokeAllExcept(memberId, keepSessionId, manager);
        const actor: AuditActor = { type: 'MEMBER', id: memberId };
        await this.audit.record(manager, actor, {
          action: 'LOGIN_ID_CHANGED',
          memberId,
          before: { loginId: member.loginId },
          after: { loginId: newLoginId, changeId, otherSessionsRevoked: revoked },
          idempotencyKey: key,
        });
        return { ok: true as const, previousLoginId: member.loginId };
      });
    } catch (error) {
      const concurrent = await committed();
      if (concurrent) return concurrent;
      if (isUniqueViolation(error)) return { ok: false, code: 'LOGIN_ID_TAKEN' };
      throw error;
    }
  }
}
