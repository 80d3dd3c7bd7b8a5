// The login-ID change driven with the Temporal client directly (as the API's client does), for tests
// that need what HTTP cannot give them: Update IDs, workflow options, the Update's own refusal.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { WithStartWorkflowOperation, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type Duration } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../libs/config/src/index.js';
import { dataSourceOptions } from '../../libs/persistence/src/index.js';
import {
  DEFAULT_LOGIN_ID_CHANGE_LIMITS,
  identityCodeSent,
  LOGIN_ID_CHANGE_WORKFLOW_TYPE,
  loginIdChangeWorkflowId,
  type LoginIdChangeLimits,
  type LoginIdChangeView,
} from '../../workflows/login-id-change/login-id-change.contract.js';
import { uniqueMobile } from './login-id-change-client.js';
import { signUpAndLogin, type SignedInMember } from './member-client.js';
import { stackConfig, startApi, temporalClient } from './stack.js';

/** The refusal an Update failed with: its code and details (undefined when it succeeded). */
export async function refusal(update: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> } | undefined> {
  try {
    await update;
    return undefined;
  } catch (error) {
    // A closed workflow refuses Updates; the API answers this NOT_FOUND.
    if (error instanceof WorkflowNotFoundError) return { code: 'NOT_FOUND', details: {} };
    let failure: unknown = error;
    while (failure instanceof Error && !(failure instanceof ApplicationFailure) && failure.cause) failure = failure.cause;
    if (!(failure instanceof ApplicationFailure)) throw error;
    return { code: failure.type ?? '', details: (failure.details?.[0] ?? {}) as Record<string, unknown> };
  }
}

/** Starts a change for a new member with the given limits (and workflow task timeout); resolves once the SMS code is out. */
export async function startedChange(
  app: INestApplication,
  client: Client,
  limits: Partial<LoginIdChangeLimits> = {},
  workflowTaskTimeout?: Duration,
): Promise<{ member: SignedInMember; handle: WorkflowHandle; view: LoginIdChangeView }> {
  const member = await signUpAndLogin(app, { mobilePhone: uniqueMobile() });
  const workflowId = loginIdChangeWorkflowId(member.id);
  const view = await client.workflow.executeUpdateWithStart(identityCodeSent, {
    startWorkflowOperation: new WithStartWorkflowOperation(LOGIN_ID_CHANGE_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: stackConfig().temporal.taskQueue,
      args: [{ changeId: randomUUID(), memberId: member.id, sessionId: member.sessionId, limits: { ...DEFAULT_LOGIN_ID_CHANGE_LIMITS, ...limits } }],
      workflowIdConflictPolicy: 'FAIL',
      ...(workflowTaskTimeout ? { workflowTaskTimeout } : {}),
    }),
  });
  return { member, handle: client.workflow.getHandle(workflowId), view };
}

/** What a test file of the workflow needs: the API app (it signs members up), a Temporal client and a database connection. */
export interface ChangeTestParts {
  app: INestApplication;
  client: Client;
  dataSource: DataSource;
}

/** Registers the file's beforeAll/afterAll; the parts are there once beforeAll has run. */
export function changeTestParts(): ChangeTestParts {
  const parts = {} as ChangeTestParts;
  let close: () => Promise<void>;
  beforeAll(async () => {
    parts.app = await startApi();
    ({ client: parts.client, close } = await temporalClient());
    parts.dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL!)));
    await parts.dataSource.initialize();
  });
  afterAll(async () => {
    await parts.app?.close();
    await close?.();
    await parts.dataSource?.destroy();
  });
  return parts;
}
