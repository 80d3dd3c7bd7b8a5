import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { PasswordCheckService, type SessionEntity } from '#app/auth';
import type { AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { MembersRepository, toE164Mobile } from '#app/members';
import { TemporalGateway } from '#app/temporal';
import {
  changeStatus,
  identityCodeSent,
  LOGIN_ID_CHANGE_SEARCH_ATTRIBUTES,
  LOGIN_ID_CHANGE_WORKFLOW_TYPE,
  loginIdChangeWorkflowId,
  type LoginIdChangeInput,
  type LoginIdChangeView,
} from '#workflows/login-id-change/login-id-change.contract';

const WORDING = {
  notFound: 'No login ID change in progress',
  alreadyRunning: 'A login ID change is already in progress; finish or cancel it first',
};

export { loginIdChangeWorkflowId };

/** The member API's side of the login-ID change: starts the workflow and relays each step as an Update. */
@Injectable()
export class LoginIdChangeClient {
  constructor(
    private readonly temporal: TemporalGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly passwords: PasswordCheckService,
  ) {}

  /** Step 1 (identity check): current password and registered mobile number, then the SMS code goes out. */
  async start(session: SessionEntity, currentPassword: string, mobilePhone: string, actor: AuditActor): Promise<LoginIdChangeView> {
    const found = await this.members.findById(session.memberId);
    if (!found) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session has no member');
    const member = await this.passwords.check(found, currentPassword, actor);
    if (toE164Mobile(mobilePhone) !== member.mobilePhone) {
      throw new DomainError(ErrorCode.IDENTITY_MISMATCH, 'The mobile phone number does not match the registered one');
    }
    const input: LoginIdChangeInput = { changeId: randomUUID(), memberId: member.id, sessionId: session.id, limits: this.config.loginIdChange };
    const operation = new WithStartWorkflowOperation(LOGIN_ID_CHANGE_WORKFLOW_TYPE, {
      workflowId: loginIdChangeWorkflowId(member.id),
      taskQueue: this.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: LOGIN_ID_CHANGE_SEARCH_ATTRIBUTES.memberId, value: member.id },
        { key: LOGIN_ID_CHANGE_SEARCH_ATTRIBUTES.status, value: 'AWAITING_IDENTITY_CODE' },
      ],
    });
    return this.temporal.call((client) => client.workflow.executeUpdateWithStart(identityCodeSent, { startWorkflowOperation: operation }), WORDING);
  }

  /** Steps 2–5, resend and cancel: one Update on the member's change. */
  async act<Args extends unknown[]>(memberId: string, update: UpdateDefinition<LoginIdChangeView, Args>, ...args: Args): Promise<LoginIdChangeView> {
    return this.temporal.call(
      (client) =>
        client.workflow
          .getHandle(loginIdChangeWorkflowId(memberId))
          .executeUpdate<LoginIdChangeView, [unknown, ...unknown[]]>(update.name, { args: args as unknown as [unknown, ...unknown[]] }),
      WORDING,
    );
  }

  /** Where the member's newest change stands (NOT_FOUND when there never was one). */
  async status(memberId: string): Promise<LoginIdChangeView> {
    return this.temporal.call((client) => client.workflow.getHandle(loginIdChangeWorkflowId(memberId)).query(changeStatus), WORDING);
  }
}
