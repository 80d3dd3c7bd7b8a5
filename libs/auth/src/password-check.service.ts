import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, assertNotLocked } from '#app/core';
import { MembersRepository, PasswordHasher, type MemberEntity } from '#app/members';
import { NotificationService } from '#app/notifications';

/**
 * Every password check of a member goes through here (login, re-authentication, password and
 * login-ID changes), so lockout counts them together: after `LOCKOUT_THRESHOLD` consecutive wrong
 * passwords, checks are refused for `LOCKOUT_MINUTES` and the member is emailed.
 */
@Injectable()
export class PasswordCheckService {
  private readonly logger = new Logger(PasswordCheckService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationService,
  ) {}

  /** Resolves with the member when the password is right; unknown member and wrong password look alike. */
  async check(member: MemberEntity | null, password: string, actor: AuditActor): Promise<MemberEntity> {
    if (!member) {
      await this.hasher.verifyAgainstNothing(password);
      throw invalidCredentials();
    }
    assertNotLocked(member.lockedUntil, LOCKED);
    if (await this.hasher.verify(password, member.passwordHash)) {
      await this.members.resetFailedPasswords(member);
      return member;
    }
    const lockUntil = new Date(Date.now() + this.config.lockout.minutes * 60_000);
    const { lockedUntil } = await this.members.recordFailedPassword(member.id, this.config.lockout.threshold, lockUntil);
    if (!lockedUntil) throw invalidCredentials();
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { action: 'ACCOUNT_LOCKED', memberId: member.id, after: { lockedUntil } }),
    );
    await this.notifyLocked(member, lockedUntil);
    assertNotLocked(lockedUntil, LOCKED);
    throw invalidCredentials();
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

const LOCKED = 'Too many wrong passwords: password checks are locked for a while';

function invalidCredentials(): DomainError {
  return new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The login ID or password is not correct');
}
