import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { DomainError, ErrorCode } from '#app/core';
import { FailedPasswordCounters } from '#app/counters';
import { PasswordHasher, type MemberEntity } from '#app/members';
import { NotificationService } from '#app/notifications';

/**
 * Every password check of a member goes through here (login, re-authentication, password and
 * login-ID changes), so the failed-password rule (FailedPasswordCounters: per login ID and client,
 * per login ID, per client) counts them together; when the account-wide limit locks it, the member
 * is emailed.
 */
@Injectable()
export class PasswordCheckService {
  private readonly logger = new Logger(PasswordCheckService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationService,
    private readonly failures: FailedPasswordCounters,
  ) {}

  /**
   * Resolves with the member when the password is right. An unknown member is counted and answered
   * like a wrong password (same bcrypt work, same counters), so nothing tells whether it exists.
   * `loginId` is what the caller typed (needed when no member has it).
   */
  async check(member: MemberEntity | null, password: string, actor: AuditActor, loginId = member?.loginId ?? ''): Promise<MemberEntity> {
    const attempt = { realm: 'member' as const, loginId, client: actor.clientIp };
    await this.failures.assertAllowed(attempt);
    const matches = member ? await this.hasher.verify(password, member.passwordHash) : await this.hasher.verifyAgainstNothing(password);
    if (member && matches) {
      await this.failures.recordSuccess(attempt);
      return member;
    }
    const { refusal, newLock } = await this.failures.recordFailure(attempt);
    if (member && newLock) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, actor, { action: 'ACCOUNT_LOCKED', memberId: member.id, after: { lockedUntil: newLock.until, scope: newLock.scope } }),
      );
      // Only the account-wide lock stops the owner everywhere, so only it is worth an email.
      if (newLock.scope === 'account') await this.notifyLocked(member, newLock.until);
    }
    throw refusal ?? invalidCredentials();
  }

  /** After a password reset: the login ID's account-wide count and lock go (and its pair with `client`). */
  async clearFailures(loginId: string, client: string | null = null): Promise<void> {
    await this.failures.clearFailures('member', loginId, client);
  }

  private async notifyLocked(member: MemberEntity, lockedUntil: Date): Promise<void> {
    try {
      await this.notifications.send({
        channel: 'email',
        to: member.loginId,
        template: 'account-locked',
        language: member.language,
        params: { name: member.name, lockedUntil: lockedUntil.toISOString() },
        idempotencyKey: `account-locked:${member.id}:${lockedUntil.toISOString()}`,
      });
    } catch (error) {
      // The lock stands even if the notice could not go out now.
      this.logger.warn(`account-locked notice not sent: ${(error as Error).message}`);
    }
  }
}

function invalidCredentials(): DomainError {
  return new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The login ID or password is not correct');
}
