import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '#app/audit';
import { CommitLoginIdChangeService, LoginIdChangeCodesService, LoginIdChangeNoticesService } from '#app/login-id-change';
import type { LoginIdChangeActivities } from '#workflows/activities';
import { refusalsAreFinal } from './refusals-are-final.js';

@Injectable()
export class LoginIdChangeActivitiesImpl implements LoginIdChangeActivities {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly codes: LoginIdChangeCodesService,
    private readonly commits: CommitLoginIdChangeService,
    private readonly notices: LoginIdChangeNoticesService,
    private readonly audit: AuditTrail,
  ) {}

  sendIdentityCode: LoginIdChangeActivities['sendIdentityCode'] = ({ changeId, memberId, limits }) =>
    refusalsAreFinal(() => this.codes.sendIdentityCode(changeId, memberId, limits));

  checkNewLoginId: LoginIdChangeActivities['checkNewLoginId'] = ({ memberId, newLoginId }) =>
    refusalsAreFinal(() => this.commits.checkNewLoginId(memberId, newLoginId));

  sendEmailCode: LoginIdChangeActivities['sendEmailCode'] = ({ changeId, memberId, newLoginId, limits }) =>
    refusalsAreFinal(() => this.codes.sendEmailCode(changeId, memberId, newLoginId, limits));

  checkCode: LoginIdChangeActivities['checkCode'] = ({ changeId, step, code }) => refusalsAreFinal(() => this.codes.check(changeId, step, code));

  resendCode: LoginIdChangeActivities['resendCode'] = ({ changeId, memberId, step, limits }) =>
    refusalsAreFinal(() => this.codes.resend(changeId, memberId, step, limits));

  commitLoginIdChange: LoginIdChangeActivities['commitLoginIdChange'] = ({ changeId, memberId, sessionId, newLoginId }) =>
    refusalsAreFinal(() => this.commits.commit(changeId, memberId, sessionId, newLoginId));

  notifyLoginIdChanged: LoginIdChangeActivities['notifyLoginIdChanged'] = ({ changeId, memberId }) =>
    refusalsAreFinal(() => this.notices.notifyChanged(changeId, memberId));

  closeLoginIdChange: LoginIdChangeActivities['closeLoginIdChange'] = ({ changeId, memberId, outcome, reason }) =>
    refusalsAreFinal(async () => {
      await this.codes.discard(changeId);
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, { type: 'SYSTEM', id: null }, { action: `LOGIN_ID_CHANGE_${outcome}`, memberId, after: { changeId, reason } }),
      );
    });
}
