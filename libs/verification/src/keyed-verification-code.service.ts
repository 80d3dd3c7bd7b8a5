import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { isUniqueViolation } from '#app/persistence';
import { VerificationCheckEntity, type RecordedCheckOutcome } from './verification-check.entity.js';
import { VerificationCodeEntity } from './verification-code.entity.js';
import type { CodePolicy, IssuedCode } from './verification-code.service.js';

/** What a keyed check answered; a retry with the same key gets the same answer. */
export type KeyedCheckOutcome =
  | { readonly ok: true; readonly target: string }
  | { readonly ok: false; readonly code: Exclude<RecordedCheckOutcome, 'OK'>; readonly attemptsRemaining?: number };

/** Delivers an issued code (SMS or email) with the send's own idempotency key. */
export type CodeDelivery = (issued: IssuedCode) => Promise<void>;

function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`, 'utf8').digest('hex');
}

/**
 * The code of one keyed send: HMAC(seed, key) as six digits. The same send (a retried activity)
 * yields the same code, so the message the member already has stays valid; a re-send has a new key
 * and so a new code. The seed sits next to the salted hash, which is no weaker: six digits behind
 * a salted SHA-256 fall to a brute force in milliseconds anyway, so a code's strength is its
 * lifetime and attempt limit, not the row's secrecy.
 */
function derivedCode(seed: string, key: string): string {
  const value = createHmac('sha256', seed).update(key, 'utf8').digest().readUInt32BE(0) % 1_000_000;
  return String(value).padStart(6, '0');
}

/**
 * Exactly-once verification codes for workflow activities: every send and every check carries a
 * key made by the workflow, and running one again with its key does what the first run did —
 * the same code delivered once (the delivery keeps `verification:<key>` as its notification key),
 * the same recorded check outcome, a wrong code counted once. Same rows as VerificationCodeService.
 */
@Injectable()
export class KeyedVerificationCodeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The first code of a purpose and subject, replacing any earlier one unless it is this send's. */
  async issueOnce(purpose: string, subjectId: string, target: string, key: string, policy: CodePolicy, deliver: CodeDelivery): Promise<IssuedCode> {
    let row = await this.current(this.dataSource.manager, purpose, subjectId);
    if (row?.issueKey !== key) {
      const seed = randomBytes(32).toString('hex');
      const code = derivedCode(seed, key);
      const salt = randomBytes(16).toString('hex');
      const now = new Date();
      const fresh = Object.assign(new VerificationCodeEntity(), {
        id: randomUUID(),
        purpose,
        subjectId,
        target,
        codeHash: hashCode(code, salt),
        codeSalt: salt,
        expiresAt: new Date(now.getTime() + policy.ttlSeconds * 1_000),
        failedAttempts: 0,
        maxAttempts: policy.maxAttempts,
        sentCount: 1,
        lastSentAt: now,
        consumedAt: null,
        issueKey: key,
        codeSeed: seed,
        createdAt: now,
      });
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager
            .createQueryBuilder()
            .delete()
            .from(VerificationCodeEntity)
            .where('purpose = :purpose AND subject_id = :subjectId AND (issue_key IS NULL OR issue_key <> :key)', { purpose, subjectId, key })
            .execute();
          await manager.insert(VerificationCodeEntity, fresh);
        });
        row = fresh;
      } catch (error) {
        // A concurrent run of the same send (a paused first attempt resumed) inserted it first: use its code.
        if (!isUniqueViolation(error)) throw error;
        row = await this.current(this.dataSource.manager, purpose, subjectId);
        if (row?.issueKey !== key) throw error;
      }
    }
    const issued = this.issued(row, key);
    await deliver(issued);
    return issued;
  }

  /**
   * A new code to the same target, at most `maxResends` times and not before `resendAfterSeconds`.
   * Delivers before it switches the stored code: if the delivery keeps failing, the code the member
   * already has still works; a retry after a crash re-sends the same new code and then switches.
   */
  async resendOnce(purpose: string, subjectId: string, key: string, policy: CodePolicy, deliver: CodeDelivery): Promise<IssuedCode> {
    const current = await this.current(this.dataSource.manager, purpose, subjectId);
    if (!current || current.consumedAt) throw new DomainError(ErrorCode.VERIFICATION_CODE_INVALID, 'No code is pending: ask for a new one');
    if (current.issueKey === key) {
      const issued = this.issued(current, key);
      await deliver(issued);
      return issued;
    }
    const now = new Date();
    const waitMs = current.lastSentAt.getTime() + policy.resendAfterSeconds * 1_000 - now.getTime();
    if (waitMs > 0) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'A new code can be sent a little later', { retryAfterSeconds: Math.ceil(waitMs / 1_000) });
    }
    if (current.sentCount > policy.maxResends) throw new DomainError(ErrorCode.TOO_MANY_ATTEMPTS, 'No more codes can be sent for this request');
    const seed = current.codeSeed ?? randomBytes(32).toString('hex');
    const code = derivedCode(seed, key);
    const expiresAt = new Date(now.getTime() + policy.ttlSeconds * 1_000);
    await deliver({ code, codeId: key, target: current.target, expiresAt });
    const salt = randomBytes(16).toString('hex');
    // Conditional on the send seen: a concurrent run of the same re-send switches it once.
    await this.dataSource.manager
      .createQueryBuilder()
      .update(VerificationCodeEntity)
      .set({ codeHash: hashCode(code, salt), codeSalt: salt, codeSeed: seed, issueKey: key, expiresAt, sentCount: current.sentCount + 1, lastSentAt: now })
      .where('id = :id AND sent_count = :sentCount', { id: current.id, sentCount: current.sentCount })
      .execute();
    return { code, codeId: key, target: current.target, expiresAt };
  }

  /** Checks a code once per key: the outcome and its effect (consumed, or one more wrong attempt) are recorded together. */
  async checkOnce(purpose: string, subjectId: string, code: string, key: string): Promise<KeyedCheckOutcome> {
    const recorded = await this.dataSource.manager.findOneBy(VerificationCheckEntity, { checkKey: key });
    if (recorded) return outcomeOf(recorded);
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Claims the key first: a concurrent run of the same check waits here, then finds the key taken.
        await manager.insert(VerificationCheckEntity, {
          checkKey: key,
          purpose,
          subjectId,
          outcome: 'VERIFICATION_CODE_INVALID',
          attemptsRemaining: null,
          target: null,
          checkedAt: new Date(),
        });
        const outcome = await this.evaluate(manager, purpose, subjectId, code);
        await manager.update(
          VerificationCheckEntity,
          { checkKey: key },
          {
            outcome: outcome.ok ? 'OK' : outcome.code,
            attemptsRemaining: outcome.ok ? null : (outcome.attemptsRemaining ?? null),
            target: outcome.ok ? outcome.target : null,
          },
        );
        return outcome;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.dataSource.manager.findOneBy(VerificationCheckEntity, { checkKey: key });
      if (!winner) throw error;
      return outcomeOf(winner);
    }
  }

  private async evaluate(manager: EntityManager, purpose: string, subjectId: string, code: string): Promise<KeyedCheckOutcome> {
    const current = await manager.findOneBy(VerificationCodeEntity, { purpose, subjectId, consumedAt: IsNull() });
    if (!current) return { ok: false, code: 'VERIFICATION_CODE_INVALID' };
    if (current.failedAttempts >= current.maxAttempts) return { ok: false, code: 'TOO_MANY_ATTEMPTS' };
    if (current.expiresAt.getTime() <= Date.now()) return { ok: false, code: 'VERIFICATION_CODE_EXPIRED' };
    const expected = Buffer.from(current.codeHash, 'hex');
    const given = Buffer.from(hashCode(code, current.codeSalt), 'hex');
    if (!timingSafeEqual(expected, given)) {
      await manager
        .createQueryBuilder()
        .update(VerificationCodeEntity)
        .set({ failedAttempts: () => 'failed_attempts + 1' })
        .where('id = :id', { id: current.id })
        .execute();
      const attemptsRemaining = current.maxAttempts - current.failedAttempts - 1;
      return attemptsRemaining <= 0 ? { ok: false, code: 'TOO_MANY_ATTEMPTS' } : { ok: false, code: 'VERIFICATION_CODE_INVALID', attemptsRemaining };
    }
    await manager.update(VerificationCodeEntity, { id: current.id }, { consumedAt: new Date() });
    return { ok: true, target: current.target };
  }

  private current(manager: EntityManager, purpose: string, subjectId: string): Promise<VerificationCodeEntity | null> {
    return manager.findOneBy(VerificationCodeEntity, { purpose, subjectId });
  }

  private issued(row: VerificationCodeEntity, key: string): IssuedCode {
    if (!row.codeSeed) throw new DomainError(ErrorCode.INVALID_STATE, 'The pending code was not issued with a key');
    return { code: derivedCode(row.codeSeed, key), codeId: key, target: row.target, expiresAt: row.expiresAt };
  }
}

function outcomeOf(row: VerificationCheckEntity): KeyedCheckOutcome {
  if (row.outcome === 'OK') return { ok: true, target: row.target ?? '' };
  return row.attemptsRemaining === null ? { ok: false, code: row.outcome } : { ok: false, code: row.outcome, attemptsRemaining: row.attemptsRemaining };
}
