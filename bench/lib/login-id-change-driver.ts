// The client side of bench/login-id-change.ts, run in a worker thread (runInWorker) so the client's
// own work stays off the API's event loop: members go through the five steps of the login-ID
// change over HTTP, reading their codes from the outbox as a member reads SMS and email.
import { performance } from 'node:perf_hooks';
import { runClosedLoop, type ClosedLoopResult } from './closed-loop.js';
import { OutboxIndex } from './outbox-index.js';
import { threadCpuMs } from './process-cpu.js';

export const LOGIN_ID_CHANGE_STEPS = ['start (identity check)', 'identity-code', 'new-login-id', 'email-code', 'confirm'] as const;

export interface ChangingMember {
  readonly token: string;
  readonly password: string;
  /** Unique to this member, so the SMS code sent to it is this member's alone. */
  readonly mobilePhone: string;
  readonly newLoginId: string;
}

export interface LoginIdChangeDriveInput {
  /** http://127.0.0.1:<port> of the API. */
  readonly apiBase: string;
  readonly outboxDir: string;
  /** One change each, in order; the first `warmup` are not measured. */
  readonly members: readonly ChangingMember[];
  readonly warmup: number;
  readonly concurrency: number;
  /** No change starts after this. */
  readonly durationMs: number;
}

export interface LoginIdChangeDriveOutput {
  /** Per complete change (all five steps and the client reading two codes). */
  readonly changes: ClosedLoopResult;
  /** Latencies (ms) of each step's HTTP exchange over the measured changes, in step order. */
  readonly stepLatenciesMs: number[][];
  /** CPU ms of this client thread over the whole run (the members' side: HTTP client, reading codes). */
  readonly clientCpuMs: number;
}

const EXPECTED = [
  [201, 'AWAITING_IDENTITY_CODE'],
  [200, 'AWAITING_NEW_LOGIN_ID'],
  [200, 'AWAITING_EMAIL_CODE'],
  [200, 'AWAITING_CONFIRMATION'],
  [200, 'COMPLETED'],
] as const;

export default async function driveLoginIdChanges(input: LoginIdChangeDriveInput): Promise<LoginIdChangeDriveOutput> {
  const cpuFrom = threadCpuMs();
  const outbox = new OutboxIndex(input.outboxDir);
  const stepLatenciesMs: number[][] = LOGIN_ID_CHANGE_STEPS.map(() => []);

  const step = async (index: number, measured: boolean, member: ChangingMember, route: string, body: object): Promise<void> => {
    const from = performance.now();
    const res = await fetch(`${input.apiBase}/api/v1/me/login-id-change${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.token}` },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as { status?: string; code?: string };
    const elapsed = performance.now() - from;
    const [status, state] = EXPECTED[index];
    if (res.status !== status || answer.status !== state) {
      throw new Error(`step ${index + 1} (${LOGIN_ID_CHANGE_STEPS[index]}) answered ${res.status} ${answer.code ?? answer.status ?? ''}`);
    }
    if (measured) stepLatenciesMs[index].push(elapsed);
  };

  const changes = await runClosedLoop(
    async (sequence) => {
      const member = input.members[sequence];
      const measured = sequence >= input.warmup;
      await step(0, measured, member, '', { currentPassword: member.password, mobilePhone: member.mobilePhone });
      await step(1, measured, member, '/identity-code', { code: await outbox.latestCode(member.mobilePhone, 'sms') });
      await step(2, measured, member, '/new-login-id', { newLoginId: member.newLoginId });
      await step(3, measured, member, '/email-code', { code: await outbox.latestCode(member.newLoginId, 'email') });
      await step(4, measured, member, '/confirm', {});
    },
    {
      concurrency: input.concurrency,
      durationMs: input.durationMs,
      maxOperations: input.members.length - input.warmup,
      warmupOperations: input.warmup,
    },
  );
  return { changes, stepLatenciesMs, clientCpuMs: threadCpuMs() - cpuFrom };
}
