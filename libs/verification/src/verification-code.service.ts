import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { isUniqueViolation } from '#app/persistence';
import { VerificationCheckEntity } from './verification-check.entity.js';
import { VerificationCodeEntity } from './verification-code.entity.js';

/** Limits of one kind of code; product defaults in DEFAULT_SMS_CODE_POLICY / DEFAULT_EMAIL_CODE_POLICY. */
export interface CodePolicy {
  readonly ttlSeconds: number;
  readonly maxAttempts: number;
  readonly resendAfterSeconds: number;
  /** Re-sends allowed after the first send. */
  readonly maxResends: number;
}

export const DEFAULT_SMS_CODE_POLICY: CodePolicy = { ttlSeconds: 180, maxAttempts: 5, resendAfterSeconds: 60, maxResends: 5 };
export const DEFAULT_EMAIL_CODE_POLICY: CodePolicy = { ttlSeconds: 1_800, maxAttempts: 5, resendAfterSeconds: 60, maxResends: 5 };

export interface IssuedCode {
  /** The 6-digit code, to send and forget: only its salted hash is stored. */
  readonly code: string;
  /** Unique per generated code: use it in the notification's idempotency key. */
  readonly codeId: string;
  readonly target: string;
  readonly expiresAt: Date;
}

function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`, 'utf8').digest('hex');
}

function newCode(): { code: string; salt: string; hash: string } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(16).toString('hex');
  return { code, salt, hash: hashCode(code, salt) };
}

/**
 * Six-digit verification codes for one purpose and subject (a member, a workflow's change):
 * issued, re-sent after a pause, verified with a limited number of attempts, consumed once.
 * Used by the mobile-phone change and the login-ID change.
 */
@Injectable()
export class VerificationCodeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Issues a fresh code, replacing any earlier one of the same purpose and subject. */
  async issue(purpose: string, subjectId: string, target: string, policy: CodePolicy): Promise<IssuedCode> {
    for (let attempt = 0; ; attempt++) {
      const { code, salt, hash } = newCode();
      const now = new Date();
      const row = Object.assign(new VerificationCodeEntity(), {
        id: randomUUID(),
        purpose,
        subjectId,
        target,
        codeHash: hash,
        codeSalt: salt,
        expiresAt: new Date(now.getTime() + policy.ttlSeconds * 1_000),
        failedAttempts: 0,
        maxAttempts: policy.maxAttempts,
        sentCount: 1,
        lastSentAt: now,
        consumedAt: null,
        createdAt: now,
      });
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager.delete(VerificationCodeEntity, { purpose, subjectId });
          await manager.insert(VerificationCodeEntity, row);
        });
        return { code, codeId: row.id, target, expiresAt: row.expiresAt };
      } catch (error) {
        // Two issues raced for the same subject: the other one's delete ran first; try once more.
        if (!isUniqueViolation(error) || attempt > 0) throw error;
      }
    }
  }

  /** A new code to the same target, at most `maxResends` times and not before `resendAfterSeconds`. */
  async resend(purpose: string, subjectId: string, policy: CodePolicy): Promise<IssuedCode> {
    const current = await this.pending(purpose, subjectId);
    const now = new Date();
    const waitMs = current.lastSentAt.getTime() + policy.resendAfterSeconds * 1_000 - now.getTime();
    if (waitMs > 0) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'A new code can be sent a little later', { retryAfterSeconds: Math.ceil(waitMs / 1_000) });
    }
    if (current.sentCount > policy.maxResends) throw new DomainError(ErrorCode.TOO_MANY_ATTEMPTS, 'No more codes can be sent for this request');
    const { code, salt, hash } = newCode();
    const codeId = randomUUID();
    const expiresAt = new Date(now.getTime() + policy.ttlSeconds * 1_000);
    // Conditional on the row seen: of two concurrent re-sends, one wins.
    const updated = await this.dataSource.manager.update(
      VerificationCodeEntity,
      { id: current.id, sentCount: current.sentCount, consumedAt: IsNull() },
      { id: codeId, codeHash: hash, codeSalt: salt, expiresAt, sentCount: current.sentCount + 1, lastSentAt: now },
    );
    if (!updated.affected) throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'A new code was just sent', { retryAfterSeconds: policy.resendAfterSeconds });
    return { code, codeId, target: current.target, expiresAt };
  }

  /** Checks a code; on success consumes it (once) and returns the target it was sent to. */
  async verify(purpose: string, subjectId: string, code: string): Promise<string> {
    const current = await this.pending(purpose, subjectId);
    if (current.failedAttempts >= current.maxAttempts) throw tooManyAttempts();
    if (current.expiresAt.getTime() <= Date.now()) throw new DomainError(ErrorCode.VERIFICATION_CODE_EXPIRED, 'The code has expired; ask for a new one');
    const expected = Buffer.from(current.codeHash, 'hex');
    const given = Buffer.from(hashCode(code, current.codeSalt), 'hex');
    if (!timingSafeEqual(expected, given)) {
      await this.dataSource
        .createQueryBuilder()
        .update(VerificationCodeEntity)
        .set({ failedAttempts: () => 'failed_attempts + 1' })
        .where('id = :id', { id: current.id })
        .execute();
      const attemptsRemaining = current.maxAttempts - current.failedAttempts - 1;
      if (attemptsRemaining <= 0) throw tooManyAttempts();
      throw new DomainError(ErrorCode.VERIFICATION_CODE_INVALID, 'The code is not correct', { attemptsRemaining });
    }
    const consumed = await this.dataSource.manager.update(VerificationCodeEntity, { id: current.id, consumedAt: IsNull() }, { consumedAt: new Date() });
    if (!consumed.affected) throw new DomainError(ErrorCode.VERIFICATION_CODE_INVALID, 'The code was already used');
    return current.target;
  }

  /**
   * Forgets what is kept for the subject: its code and the recorded outcomes of keyed checks
   * (KeyedVerificationCodeService). Only once nothing can check again: a cancel, or a flow's end.
   */
  async discard(purpose: string, subjectId: string): Promise<void> {
    await this.dataSource.manager.delete(VerificationCodeEntity, { purpose, subjectId });
    await this.dataSource.manager.delete(VerificationCheckEntity, { purpose, subjectId });
  }

  private async pending(purpose: string, subjectId: string): Promise<VerificationCodeEntity> {
    const row = await this.dataSource.manager.findOneBy(VerificationCodeEntity, { purpose, subjectId, consumedAt: IsNull() });
    if (!row) throw new DomainError(ErrorCode.VERIFICATION_CODE_INVALID, 'No code is pending: ask for a new one');
    return row;
  }
}

function tooManyAttempts(): DomainError {
  return new DomainError(ErrorCode.TOO_MANY_ATTEMPTS, 'Too many wrong codes: start again');
}
