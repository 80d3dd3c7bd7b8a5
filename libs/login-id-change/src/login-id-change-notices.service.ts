import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, hashSecret } from '#app/core';
import { MemberEntity } from '#app/members';
import { NotificationService } from '#app/notifications';
import { REVERT_WINDOW_DAYS } from './commit-login-id-change.service.js';
import { LoginIdChangeRevertEntity } from './login-id-change-revert.entity.js';
import { LoginIdChangeRevertTokenEntity } from './login-id-change-revert-token.entity.js';

/** After a commit: the old address gets a "this wasn't me" token, the new address a confirmation. */
@Injectable()
export class LoginIdChangeNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationService,
  ) {}

  async notifyChanged(changeId: string, memberId: string): Promise<void> {
    const change = await this.dataSource.manager.findOneBy(LoginIdChangeRevertEntity, { changeId, memberId });
    const member = await this.dataSource.manager.findOneBy(MemberEntity, { id: memberId });
    if (!change || !member) throw new DomainError(ErrorCode.NOT_FOUND, 'No committed change to announce');
    const oldKey = `login-id-changed-old:${changeId}`;
    // The token exists only in the notice: a new one is made only while no notice is recorded as sent.
    // A retry after the message left but before its delivery row mints another; both stay valid (the
    // member may hold the first), and all of them end with the change.
    // A send that fails takes its token back: retries through an outage leave no row per attempt.
    if (!(await this.notifications.isDelivered(oldKey))) {
      const token = randomBytes(32).toString('base64url');
      const tokenHash = hashSecret(token);
      await this.dataSource.manager.insert(LoginIdChangeRevertTokenEntity, { tokenHash, changeId, createdAt: new Date() });
      await this.sendOldAddressNotice(change, member, token, oldKey).catch(async (error: unknown) => {
        await this.dataSource.manager.delete(LoginIdChangeRevertTokenEntity, { tokenHash });
        throw error;
      });
    }
    await this.notifications.send({
      channel: 'email',
      to: change.newLoginId,
      template: 'login-id-changed-new',
      language: member.language,
      params: { name: member.name, newLoginId: change.newLoginId },
      idempotencyKey: `login-id-changed-new:${changeId}`,
    });
  }

  private async sendOldAddressNotice(change: LoginIdChangeRevertEntity, member: MemberEntity, token: string, idempotencyKey: string): Promise<void> {
    await this.notifications.send({
      channel: 'email',
      to: change.previousLoginId,
      template: 'login-id-changed-old',
      language: member.language,
      params: {
        name: member.name,
        newLoginId: change.newLoginId,
        revertToken: token,
        revertUrl: `${this.config.publicPortalUrl}/login-id-change-reverts`,
        days: REVERT_WINDOW_DAYS,
      },
      idempotencyKey,
    });
  }
}
