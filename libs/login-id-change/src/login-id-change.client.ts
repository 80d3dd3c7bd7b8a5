import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { PasswordCheckService, type SessionEntity } from '#app/auth';
import type { AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { MembersRepository, toE164Mobile } from '#app/members';
import { TemporalGateway, temporalErrorToDomain } from '#app/temporal';
import { changeStatus, identityCodeSent, loginIdChangeWorkflow } from '#workflows/login-id-change/login-id-change.workflow';
import type { LoginIdChangeView } from '#workflows/login-id-change/login-id-change.types';
import { FLOW_STATUS, MEMBER_ID } from '#workflows/search-attributes';

// The API answers from the workflow's own result, but never waits long: past this it says 503.
const CALL_DEADLINE_MS = 20_000;

export function loginIdChangeWorkflowId(memberId: string): string {
  return `login-id-change:${memberId}`;
}

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
    const client = await this.client();
    const operation = new WithStartWorkflowOperation(loginIdChangeWorkflow, {
      workflowId: loginIdChangeWorkflowId(member.id),
      taskQueue: this.temporal.taskQueue,
      args: [{ changeId: randomUUID(), memberId: member.id, sessionId: session.id, limits: this.config.loginIdChange }],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: MEMBER_ID, value: member.id },
        { key: FLOW_STATUS, value: 'AWAITING_IDENTITY_CODE' },
      ],
    });
    return this.call(client, () => client.workflow.executeUpdateWithStart(identityCodeSent, { startWorkflowOperation: operation }));
  }

  /** Steps 2–5, resend and cancel: one Update on the member's change. */
  async act<Args extends unknown[]>(memberId: string, update: UpdateDefinition<LoginIdChangeView, Args>, ...args: Args): Promise<LoginIdChangeView> {
    const client = await this.client();
    const handle = client.workflow.getHandle(loginIdChangeWorkflowId(memberId));
    return this.call(client, () => handle.executeUpdate<LoginIdChangeView, [unknown, ...unknown[]]>(update.name, { args: args as unknown as [unknown, ...unknown[]] }));
  }

  /** Where the member's newest change stands (NOT_FOUND when there never was one). */
  async status(memberId: string): Promise<LoginIdChangeView> {
    const client = await this.client();
    return this.call(client, () => client.workflow.getHandle(loginIdChangeWorkflowId(memberId)).query(changeStatus));
  }

  private async client(): Promise<Client> {
    try {
      return await this.temporal.client();
    } catch {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The workflow service is unavailable; retry shortly');
    }
  }

  private async call<T>(client: Client, fn: () => Promise<T>): Promise<T> {
    try {
      return await client.connection.withDeadline(Date.now() + CALL_DEADLINE_MS, fn);
    } catch (error) {
      throw temporalErrorToDomain(error, {
        notFound: 'No login ID change in progress',
        alreadyRunning: 'A login ID change is already in progress; finish or cancel it first',
      });
    }
  }
}
