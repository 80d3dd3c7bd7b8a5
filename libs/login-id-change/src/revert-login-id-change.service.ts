import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, MoreThanOrEqual, type DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { PasswordResetLinks, SessionsService, type IssuedResetLink } from '#app/auth';
import { DomainError, ErrorCode, hashSecret } from '#app/core';
import { LoginIdReservations, MemberEntity } from '#app/members';
import { NotificationService } from '#app/notifications';
import { isUniqueViolation } from '#app/persistence';
import { LoginIdChangeRevertEntity } from './login-id-change-revert.entity.js';
import { LoginIdChangeRevertTokenEntity } from './login-id-change-revert-token.entity.js';

/**
 * "This wasn't me" (product.md §3): within 7 days the old address restores the previous login ID,
 * every session ends, the password is voided (whoever changed the address knew it) and a reset
 * link goes to the restored address. It cannot be outrun: the previous login ID stayed reserved,
 * and a later change of the same member is undone with it instead of blocking it.
 */
@Injectable()
export class RevertLoginIdChangeService {
  private readonly logger = new Logger(RevertLoginIdChangeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly reservations: LoginIdReservations,
    private readonly resetLinks: PasswordResetLinks,
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationService,
  ) {}

  async revert(token: string, actor: AuditActor): Promise<{ loginId: string }> {
    // Any token of the change opens it (a retried notice may have minted more than one); a revert ends them all.
    const issued = await this.dataSource.manager.findOneBy(LoginIdChangeRevertTokenEntity, { tokenHash: hashSecret(token) });
    const change = issued && (await this.dataSource.manager.findOneBy(LoginIdChangeRevertEntity, { changeId: issued.changeId, revertedAt: IsNull() }));
    if (!change) throw new DomainError(ErrorCode.NOT_FOUND, 'This link is not valid or was already used');
    if (change.expiresAt.getTime() <= Date.now()) throw new DomainError(ErrorCode.VERIFICATION_CODE_EXPIRED, 'This link has expired');
    let outcome: { member: MemberEntity; link: IssuedResetLink } | undefined;
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        const now = new Date();
        const used = await manager.update(LoginIdChangeRevertEntity, { changeId: change.changeId, revertedAt: IsNull() }, { revertedAt: now });
        if (!used.affected) throw new DomainError(ErrorCode.NOT_FOUND, 'This link is not valid or was already used');
        // A second change since (B → C) is undone too: its own link must not bring the intruder's address back.
        const later = await manager.update(
          LoginIdChangeRevertEntity,
          { memberId: change.memberId, revertedAt: IsNull(), committedAt: MoreThanOrEqual(change.committedAt) },
          { revertedAt: now },
        );
        const current = await manager.findOneBy(MemberEntity, { id: change.memberId });
        if (!current) throw new DomainError(ErrorCode.NOT_FOUND, 'This link is not valid or was already used');
        await manager
          .createQueryBuilder()
          .update(MemberEntity)
          .set({ loginId: change.previousLoginId, passwordResetRequired: true, version: () => 'version + 1', updatedAt: now })
          .where('id = :id', { id: change.memberId })
          .execute();
        await this.reservations.release(manager, change.previousLoginId, change.memberId);
        const revoked = await this.sessions.revokeAllExcept(change.memberId, undefined, manager);
        const link = await this.resetLinks.issue(change.memberId, manager);
        await this.audit.record(
          manager,
          { ...actor, id: actor.id ?? change.memberId },
          {
            action: 'LOGIN_ID_CHANGE_REVERTED',
            memberId: change.memberId,
            before: { loginId: current.loginId },
            after: {
              loginId: change.previousLoginId,
              changeId: change.changeId,
              laterChangesUndone: later.affected ?? 0,
              sessionsRevoked: revoked,
              passwordVoided: true,
            },
          },
        );
        return { member: Object.assign(new MemberEntity(), current, { loginId: change.previousLoginId, passwordResetRequired: true }), link };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.LOGIN_ID_TAKEN, 'The previous login ID is now used by another member; contact support');
      throw error;
    }
    const { member, link } = outcome;
    await this.notifications
      .send({
        channel: 'email',
        to: member.loginId,
        template: 'login-id-reverted',
        language: member.language,
        params: { name: member.name, loginId: member.loginId, resetUrl: link.url, minutes: link.minutes },
        idempotencyKey: `login-id-reverted:${change.changeId}`,
      })
      // The revert stands; "Forgot password" sends another link.
      .catch((error: unknown) => this.logger.warn(`login-id-reverted notice not sent: ${(error as Error).message}`));
    return { loginId: change.previousLoginId };
  }
}
