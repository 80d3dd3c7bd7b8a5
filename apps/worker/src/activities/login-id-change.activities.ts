import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '#app/audit';
import { DomainError } from '#app/core';
import { CommitLoginIdChangeService, LoginIdChangeCodesService, LoginIdChangeNoticesService } from '#app/login-id-change';
import type { LoginIdChangeActivities } from '#workflows/activities';

/** Business refusals end an activity at once (non-retryable, typed by code); anything else is retried. */
async function refusalsAreFinal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    throw error;
  }
}

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
