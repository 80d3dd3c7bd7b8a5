import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '#app/audit';
import { CommitLoginIdChangeService, LoginIdChangeCodesService, LoginIdChangeNoticesService } from '#app/login-id-change';
import type { LoginIdChangeActivities } from '#workflows/activities';
import { refusalsAreFinal } from './refusals-are-final.js';

// A task scheduled by a workflow version before keys existed carries none: it runs unkeyed, as it did then.
const orFresh = (key: string | undefined) => key ?? randomUUID();

/** The login-ID change's activities; each one exactly once per key (see LoginIdChangeActivities). */
@Injectable()
export class LoginIdChangeActivitiesImpl implements LoginIdChangeActivities {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly codes: LoginIdChangeCodesService,
    private readonly commits: CommitLoginIdChangeService,
    private readonly notices: LoginIdChangeNoticesService,
    private readonly audit: AuditTrail,
  ) {}

  sendIdentityCode: LoginIdChangeActivities['sendIdentityCode'] = ({ key, changeId, memberId, limits }) =>
    refusalsAreFinal(() => this.codes.sendIdentityCode(orFresh(key), changeId, memberId, limits));

  checkNewLoginId: LoginIdChangeActivities['checkNewLoginId'] = ({ memberId, newLoginId }) =>
    refusalsAreFinal(() => this.commits.checkNewLoginId(memberId, newLoginId));

  sendEmailCode: LoginIdChangeActivities['sendEmailCode'] = ({ key, changeId, memberId, newLoginId, limits }) =>
    refusalsAreFinal(() => this.codes.sendEmailCode(orFresh(key), changeId, memberId, newLoginId, limits));

  checkNewLoginIdAndSendCode: LoginIdChangeActivities['checkNewLoginIdAndSendCode'] = ({ key, changeId, memberId, newLoginId, limits }) =>
    refusalsAreFinal(async () => {
      const check = await this.commits.checkNewLoginId(memberId, newLoginId);
      if (check.ok) await this.codes.sendEmailCode(key, changeId, memberId, check.loginId, limits);
      return check;
    });

  checkCode: LoginIdChangeActivities['checkCode'] = ({ key, changeId, step, code }) =>
    refusalsAreFinal(() => this.codes.check(orFresh(key), changeId, step, code));

  resendCode: LoginIdChangeActivities['resendCode'] = ({ key, changeId, memberId, step, limits }) =>
    refusalsAreFinal(() => this.codes.resend(orFresh(key), changeId, memberId, step, limits));

  commitLoginIdChange: LoginIdChangeActivities['commitLoginIdChange'] = ({ key, changeId, memberId, sessionId, newLoginId }) =>
    refusalsAreFinal(() => this.commits.commit(changeId, memberId, sessionId, newLoginId, key));

  // Keyed by the notices' own idempotency keys (login-id-changed-old/new:<changeId>). Runs once every
  // handler has finished, so no check can come again: the change's codes and check outcomes go.
  notifyLoginIdChanged: LoginIdChangeActivities['notifyLoginIdChanged'] = ({ changeId, memberId }) =>
    refusalsAreFinal(async () => {
      await this.codes.discard(changeId);
      await this.notices.notifyChanged(changeId, memberId);
    });

  closeLoginIdChange: LoginIdChangeActivities['closeLoginIdChange'] = ({ key, changeId, memberId, outcome, reason }) =>
    refusalsAreFinal(async () => {
      await this.codes.discard(changeId);
      await this.dataSource.transaction((manager) =>
        this.audit.record(
          manager,
          { type: 'SYSTEM', id: null },
          { action: `LOGIN_ID_CHANGE_${outcome}`, memberId, after: { changeId, reason }, idempotencyKey: key ?? `${changeId}:CLOSE` },
        ),
      );
    });
}
