import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { MemberEntity, MembersRepository, PASSWORD_HISTORY_SIZE, PasswordHasher, assertPasswordPolicy, normalisePassword } from '#app/members';
import { NotificationService } from '#app/notifications';
import { PasswordCheckService } from '../password-check.service.js';
import type { SessionEntity } from '../session.entity.js';
import { SessionsService } from '../sessions.service.js';
import { PasswordHistoryStore } from './password-history.store.js';

export interface ChangePasswordCommand {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly newPasswordConfirmation: string;
}

/**
 * Change login password (product.md §2). At most 4 bcrypt operations: verify the current password,
 * compare with the 2 remembered previous hashes, hash the new one (reuse of the current password
 * is caught by plain comparison, since it was just verified).
 */
@Injectable()
export class ChangePasswordService {
  private readonly logger = new Logger(ChangePasswordService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly hasher: PasswordHasher,
    private readonly passwords: PasswordCheckService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationService,
    private readonly history: PasswordHistoryStore,
  ) {}

  async change(session: SessionEntity, command: ChangePasswordCommand, actor: AuditActor): Promise<void> {
    if (command.newPassword !== command.newPasswordConfirmation) {
      throw new DomainError(ErrorCode.PASSWORD_CONFIRMATION_MISMATCH, 'The new password and its confirmation differ');
    }
    const found = await this.members.findById(session.memberId);
    if (!found) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session has no member');
    assertPasswordPolicy(command.newPassword, { profile: this.config.passwordPolicy, loginId: found.loginId });
    const member = await this.passwords.check(found, command.currentPassword, actor);

    const profile = this.config.passwordPolicy;
    const reusesCurrent = normalisePassword(command.newPassword, profile) === normalisePassword(command.currentPassword, profile);
    if (reusesCurrent || (await this.history.isRecentlyUsed(member.id, command.newPassword))) {
      throw new DomainError(ErrorCode.PASSWORD_RECENTLY_USED, `The new password must differ from your ${PASSWORD_HISTORY_SIZE} most recent passwords`);
    }
    const newHash = await this.hasher.hash(command.newPassword);
    const changedAt = new Date();

    await this.dataSource.transaction(async (manager) => {
      // Conditional on the hash just verified: of two concurrent changes, one wins.
      const updated = await manager.update(MemberEntity, { id: member.id, passwordHash: member.passwordHash }, { passwordHash: newHash, updatedAt: changedAt });
      if (!updated.affected) throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The current password is not correct');
      await this.history.remember(manager, member.id, member.passwordHash, changedAt);
      const revoked = await this.sessions.revokeAllExcept(member.id, session.id, manager);
      await this.audit.record(manager, actor, { action: 'PASSWORD_CHANGED', memberId: member.id, after: { otherSessionsRevoked: revoked } });
    });

    await this.notifications
      .send({
        channel: 'email',
        to: member.loginId,
        template: 'password-changed',
        language: member.language,
        params: { name: member.name, changedAt: changedAt.toISOString() },
        idempotencyKey: `password-changed:${member.id}:${changedAt.toISOString()}`,
      })
      .catch((error: unknown) => this.logger.warn(`password-changed notice not sent: ${(error as Error).message}`));
  }
}
