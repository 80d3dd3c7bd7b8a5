import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MoreThan, type DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, hashSecret } from '#app/core';
import { MemberEntity, MembersRepository, PASSWORD_HISTORY_SIZE, PasswordHasher, assertPasswordPolicy } from '#app/members';
import { NotificationService } from '#app/notifications';
import { PasswordHistoryStore } from '../password-change/password-history.store.js';
import { PasswordCheckService } from '../password-check.service.js';
import { SessionsService } from '../sessions.service.js';
import { PasswordResetLinks } from './password-reset-links.js';
import { PasswordResetTokenEntity } from './password-reset-token.entity.js';
import { ResetRequestsPerLoginId } from './reset-requests-per-login-id.js';

export interface ConfirmPasswordResetCommand {
  readonly token: string;
  readonly newPassword: string;
  readonly newPasswordConfirmation: string;
}

/**
 * Forgot password (product.md §1). A request answers the same, at once, whether or not the login
 * ID exists: the lookup, the link and the email happen after the answer. Confirming sets a new
 * password under the policy and the history, revokes every session and clears the failure counters.
 */
@Injectable()
export class PasswordResetService implements OnApplicationShutdown {
  private readonly logger = new Logger(PasswordResetService.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly hasher: PasswordHasher,
    private readonly history: PasswordHistoryStore,
    private readonly sessions: SessionsService,
    private readonly links: PasswordResetLinks,
    private readonly limit: ResetRequestsPerLoginId,
    private readonly audit: AuditTrail,
    private readonly passwordChecks: PasswordCheckService,
    private readonly notifications: NotificationService,
  ) {}

  /** Accepts a reset request; TOO_MANY_REQUESTS for that login ID, known or not, beyond the limit. */
  request(loginId: string, actor: AuditActor): void {
    this.limit.take(loginId);
    const work = this.sendLinkIfMember(loginId, actor)
      .catch((error: unknown) => this.logger.warn(`password reset link not sent: ${(error as Error).message}`))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  async confirm(command: ConfirmPasswordResetCommand, actor: AuditActor): Promise<void> {
    const tokenHash = hashSecret(command.token);
    const link = await this.dataSource.manager.findOneBy(PasswordResetTokenEntity, { tokenHash, expiresAt: MoreThan(new Date()) });
    if (!link) throw invalidToken();
    if (command.newPassword !== command.newPasswordConfirmation) {
      throw new DomainError(ErrorCode.PASSWORD_CONFIRMATION_MISMATCH, 'The new password and its confirmation differ');
    }
    const member = await this.members.findById(link.memberId);
    if (!member) throw invalidToken();
    assertPasswordPolicy(command.newPassword, { profile: this.config.passwordPolicy, loginId: member.loginId });
    // The current password counts as one of the recent ones (after a revert it is the one an intruder knew).
    if (await this.history.isRecentlyUsed(member.id, command.newPassword, [member.passwordHash])) {
      throw new DomainError(ErrorCode.PASSWORD_RECENTLY_USED, `The new password must differ from your ${PASSWORD_HISTORY_SIZE} most recent passwords`);
    }
    const newHash = await this.hasher.hash(command.newPassword);
    const changedAt = new Date();

    await this.dataSource.transaction(async (manager) => {
      // Deleting the row is what uses the link: of two concurrent confirmations, one wins.
      const used = await manager.delete(PasswordResetTokenEntity, { memberId: member.id, tokenHash, expiresAt: MoreThan(changedAt) });
      if (!used.affected) throw invalidToken();
      await manager.update(MemberEntity, { id: member.id }, { passwordHash: newHash, passwordResetRequired: false, updatedAt: changedAt });
      await this.history.remember(manager, member.id, member.passwordHash, changedAt);
      const revoked = await this.sessions.revokeAllExcept(member.id, undefined, manager);
      await this.audit.record(
        manager,
        { ...actor, id: actor.id ?? member.id },
        {
          action: 'PASSWORD_RESET_COMPLETED',
          memberId: member.id,
          after: { sessionsRevoked: revoked },
        },
      );
    });
    // The failure counters of this login ID (every replica's, when shared): a locked-out member gets back in,
    // on this client too (its per-pair lock from LOCKOUT_THRESHOLD would otherwise still refuse them here).
    await this.passwordChecks.clearFailures(member.loginId, actor.clientIp ?? null);

    await this.notifications
      .send({
        channel: 'email',
        to: member.loginId,
        template: 'password-reset-completed',
        language: member.language,
        params: { name: member.name, changedAt: changedAt.toISOString() },
        idempotencyKey: `password-reset-completed:${member.id}:${changedAt.toISOString()}`,
      })
      .catch((error: unknown) => this.logger.warn(`password-reset-completed notice not sent: ${(error as Error).message}`));
  }

  /** Lets requests accepted just before shutdown finish their work. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async sendLinkIfMember(loginId: string, actor: AuditActor): Promise<void> {
    const member = await this.members.findByLoginId(loginId);
    if (!member) return;
    const link = await this.dataSource.transaction(async (manager) => {
      const issued = await this.links.issue(member.id, manager);
      await this.audit.record(manager, actor, { action: 'PASSWORD_RESET_REQUESTED', memberId: member.id, after: { expiresInMinutes: issued.minutes } });
      return issued;
    });
    await this.notifications.send({
      channel: 'email',
      to: member.loginId,
      template: 'password-reset-link',
      language: member.language,
      params: { name: member.name, resetUrl: link.url, minutes: link.minutes },
      idempotencyKey: `password-reset-link:${member.id}:${link.issuedAt.toISOString()}`,
    });
  }
}

function invalidToken(): DomainError {
  return new DomainError(ErrorCode.RESET_TOKEN_INVALID, 'This password reset link is not valid: it was used, replaced by a newer one, or has expired');
}
