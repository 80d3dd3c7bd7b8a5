import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { SessionsService } from '#app/auth';
import { DomainError, ErrorCode, hashSecret } from '#app/core';
import { MemberEntity } from '#app/members';
import { NotificationService } from '#app/notifications';
import { isUniqueViolation } from '#app/persistence';
import { LoginIdChangeRevertEntity } from './login-id-change-revert.entity.js';

/** "This wasn't me": within 7 days the old address restores the previous login ID. */
@Injectable()
export class RevertLoginIdChangeService {
  private readonly logger = new Logger(RevertLoginIdChangeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationService,
  ) {}

  async revert(token: string, actor: AuditActor): Promise<{ loginId: string }> {
    const change = await this.dataSource.manager.findOneBy(LoginIdChangeRevertEntity, { tokenHash: hashSecret(token), revertedAt: IsNull() });
    if (!change) throw new DomainError(ErrorCode.NOT_FOUND, 'This link is not valid or was already used');
    if (change.expiresAt.getTime() <= Date.now()) throw new DomainError(ErrorCode.VERIFICATION_CODE_EXPIRED, 'This link has expired');
    let member: MemberEntity | null = null;
    try {
      await this.dataSource.transaction(async (manager) => {
        const used = await manager.update(LoginIdChangeRevertEntity, { changeId: change.changeId, revertedAt: IsNull() }, { revertedAt: new Date() });
        if (!used.affected) throw new DomainError(ErrorCode.NOT_FOUND, 'This link is not valid or was already used');
        const restored = await manager
          .createQueryBuilder()
          .update(MemberEntity)
          .set({ loginId: change.previousLoginId, version: () => 'version + 1', updatedAt: new Date() })
          .where('id = :id AND login_id = :current', { id: change.memberId, current: change.newLoginId })
          .execute();
        if (!restored.affected) throw new DomainError(ErrorCode.INVALID_STATE, 'The login ID has changed again since; contact support');
        const revoked = await this.sessions.revokeAllExcept(change.memberId, undefined, manager);
        await this.audit.record(manager, { ...actor, id: actor.id ?? change.memberId }, {
          action: 'LOGIN_ID_CHANGE_REVERTED',
          memberId: change.memberId,
          before: { loginId: change.newLoginId },
          after: { loginId: change.previousLoginId, changeId: change.changeId, sessionsRevoked: revoked },
        });
        member = await manager.findOneBy(MemberEntity, { id: change.memberId });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.LOGIN_ID_TAKEN, 'The previous login ID is now used by another member; contact support');
      throw error;
    }
    const restoredMember = member as MemberEntity | null;
    if (restoredMember) {
      await this.notifications
        .send({
          channel: 'email',
          to: restoredMember.loginId,
          template: 'login-id-reverted',
          language: restoredMember.language,
          params: { name: restoredMember.name, loginId: restoredMember.loginId },
          idempotencyKey: `login-id-reverted:${change.changeId}`,
        })
        .catch((error: unknown) => this.logger.warn(`login-id-reverted notice not sent: ${(error as Error).message}`));
    }
    return { loginId: change.previousLoginId };
  }
}
