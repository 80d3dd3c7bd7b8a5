// Records event histories of the workflows (login-ID change, review) for the replay test
// (test/workflows/workflow-replay.test.ts): each scenario runs against a private Temporal dev server
// and an in-process worker with scripted activities (the activities' results are in the history, so
// replay needs no database), and is written to test/workflows/histories/<workflow>-<scenario>-<label>.json.
// Existing files are never overwritten or deleted: old histories are the compatibility promise.
//
//   npm run build && node scripts/record-workflow-histories.mjs [--label <name>] [--workflows <dist/workflows/index.js>] [--only <prefix>]
//
// --only login-id-change (or required-info-application) records one workflow's scenarios: the one
// whose code changed.
// --label defaults to the short commit of HEAD; --workflows lets you record from another checkout's
// build (how the histories of the code before `patched('login-id-change-v2')` were recorded).
// Plain JS so it runs unchanged against an older checkout's dist/.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import proto from '@temporalio/proto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { findTemporalCli, freePort, startDevServer, stopProcess } from './lib/temporal-cli.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const label = arg('label', execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim());
const workflowsPath = path.resolve(arg('workflows', path.join(ROOT, 'dist/workflows/index.js')));
const outDir = path.resolve(arg('out', path.join(ROOT, 'test/workflows/histories')));
const only = arg('only', undefined);
const TASK_QUEUE = 'record-histories';
const WRONG = '000000';
const EXHAUSTED = '999999';

// Scripted activities: a code WRONG is wrong (attempts left), EXHAUSTED is the last wrong one.
const activities = {
  // A member whose ID says so has a phone no code reaches: the first send fails every attempt.
  async sendIdentityCode({ memberId }) {
    if (memberId.startsWith('unsendable-')) throw new Error('the SMS provider refused the message');
  },
  async sendEmailCode() {},
  async checkNewLoginId({ newLoginId }) {
    return newLoginId.includes('taken') ? { ok: false, code: 'LOGIN_ID_TAKEN', message: 'taken' } : { ok: true, loginId: newLoginId.toLowerCase() };
  },
  async checkNewLoginIdAndSendCode(input) {
    return activities.checkNewLoginId(input);
  },
  async checkCode({ code }) {
    if (code === WRONG) return { ok: false, code: 'VERIFICATION_CODE_INVALID', attemptsRemaining: 4 };
    if (code === EXHAUSTED) return { ok: false, code: 'TOO_MANY_ATTEMPTS' };
    return { ok: true };
  },
  async resendCode() {
    return { ok: true };
  },
  async commitLoginIdChange() {
    return { ok: true, previousLoginId: 'old@example.com' };
  },
  async notifyLoginIdChanged() {},
  async closeLoginIdChange() {},
  // required-info-application
  async recordApplicationTransition() {},
  async approveApplication() {},
  async flagApplicationOverdue() {},
  async notifyApplicant() {},
};

const LIMITS = { smsCodeTtlSeconds: 180, emailCodeTtlSeconds: 1800, wholeChangeSeconds: 3600, maxWrongCodes: 5, resendAfterSeconds: 0, maxResends: 5 };

/** Each scenario of the login-ID change: the calls a member makes; refusals are part of the history. */
const LOGIN_ID_CHANGE_SCENARIOS = {
  completed: async (handle) => {
    await tryUpdate(handle, 'submitIdentityCode', WRONG);
    await tryUpdate(handle, 'submitIdentityCode', '123456');
    await tryUpdate(handle, 'submitNewLoginId', 'taken@example.com');
    await tryUpdate(handle, 'submitNewLoginId', 'New@Example.com');
    await tryUpdate(handle, 'resendCode');
    await tryUpdate(handle, 'submitEmailCode', '123456');
    await tryUpdate(handle, 'confirmChange');
  },
  cancelled: async (handle) => {
    await tryUpdate(handle, 'resendCode');
    await tryUpdate(handle, 'submitIdentityCode', '123456');
    await tryUpdate(handle, 'cancelChange');
  },
  failed: async (handle) => {
    await tryUpdate(handle, 'submitIdentityCode', WRONG);
    await tryUpdate(handle, 'submitIdentityCode', EXHAUSTED);
  },
  expired: async () => {},
  unsendable: async () => {},
};

const REVIEWER = 'reviewer-1';
const DEADLINES = { unclaimedSeconds: 3600, inReviewSeconds: 3600, infoRequestSeconds: 3600 };
/** Scenarios of the review workflow (required-info-application): reviewer and member actions. */
const REQUIRED_INFO_APPLICATION_SCENARIOS = {
  approved: async (handle) => {
    await tryUpdate(handle, 'claimApplication', REVIEWER);
    await tryUpdate(handle, 'approveApplication', 'someone-else');
    await tryUpdate(handle, 'approveApplication', REVIEWER);
  },
  rejected: async (handle, memberId) => {
    await tryUpdate(handle, 'claimApplication', REVIEWER);
    await tryUpdate(handle, 'requestInformation', REVIEWER, 'Please add the registration certificate');
    await tryUpdate(handle, 'documentsAdded', memberId);
    await tryUpdate(handle, 'claimApplication', REVIEWER);
    await tryUpdate(handle, 'releaseApplication', REVIEWER);
    await tryUpdate(handle, 'claimApplication', REVIEWER);
    await tryUpdate(handle, 'rejectApplication', REVIEWER, 'The document does not match');
  },
  'overdue-withdrawn': async (handle, memberId) => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await tryUpdate(handle, 'withdrawApplication', memberId);
  },
};

async function tryUpdate(handle, name, ...args) {
  try {
    await handle.executeUpdate(name, { args });
  } catch {
    // a refusal: recorded in the history as a failed Update
  }
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'record-histories-'));
const temporal = await startDevServer({ cli: findTemporalCli(), port: await freePort(), logFile: path.join(work, 'temporal.log') });
const connection = await Connection.connect({ address: temporal.address });
const client = new Client({ connection });
const workerConnection = await NativeConnection.connect({ address: temporal.address });
const worker = await Worker.create({ connection: workerConnection, taskQueue: TASK_QUEUE, workflowsPath, activities });
fs.mkdirSync(outDir, { recursive: true });
let written = 0;
try {
  await worker.runUntil(async () => {
    const record = async (workflowType, prefix, scenario, handle) => {
      await handle.result().catch(() => undefined);
      const history = await handle.fetchHistory();
      // Binary protobuf (base64): the SDK's JSON history reader needs a protobufjs this install
      // does not share between @temporalio/common and @temporalio/proto. The event types are listed for reading.
      const historyProtoBase64 = Buffer.from(proto.temporal.api.history.v1.History.encode(history).finish()).toString('base64');
      const eventTypes = history.events.map((event) => proto.temporal.api.enums.v1.EventType[event.eventType]);
      const file = path.join(outDir, `${prefix}-${scenario}-${label}.json`);
      fs.writeFileSync(
        file,
        `${JSON.stringify({ workflowType, workflowId: handle.workflowId, scenario, recordedFrom: label, eventTypes, historyProtoBase64 }, null, 1)}\n`,
      );
      written++;
      console.log(`wrote ${path.relative(ROOT, file)} (${history.events.length} events)`);
    };
    const kept = (prefix, scenario) => {
      const file = path.join(outDir, `${prefix}-${scenario}-${label}.json`);
      if (fs.existsSync(file)) console.log(`kept ${path.relative(ROOT, file)} (exists)`);
      return fs.existsSync(file);
    };

    for (const [scenario, drive] of Object.entries(only && only !== 'login-id-change' ? {} : LOGIN_ID_CHANGE_SCENARIOS)) {
      if (kept('login-id-change', scenario)) continue;
      const workflowId = `login-id-change:record-${scenario}-${randomUUID()}`;
      const limits = scenario === 'expired' ? { ...LIMITS, wholeChangeSeconds: 2 } : LIMITS;
      const memberId = scenario === 'unsendable' ? `unsendable-${randomUUID()}` : randomUUID();
      const input = { changeId: randomUUID(), memberId, sessionId: randomUUID(), limits };
      const start = new WithStartWorkflowOperation('loginIdChangeWorkflow', {
        workflowId,
        taskQueue: TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
      });
      // Refused (SERVICE_UNAVAILABLE) in the unsendable scenario: the refusal is part of the history.
      await client.workflow.executeUpdateWithStart('identityCodeSent', { startWorkflowOperation: start }).catch(() => undefined);
      const handle = client.workflow.getHandle(workflowId);
      await drive(handle);
      await record('loginIdChangeWorkflow', 'login-id-change', scenario, handle);
    }

    for (const [scenario, drive] of Object.entries(only && only !== 'required-info-application' ? {} : REQUIRED_INFO_APPLICATION_SCENARIOS)) {
      if (kept('required-info-application', scenario)) continue;
      const applicationId = randomUUID();
      const memberId = randomUUID();
      const deadlines = scenario === 'overdue-withdrawn' ? { ...DEADLINES, unclaimedSeconds: 1 } : DEADLINES;
      const handle = await client.workflow.start('requiredInfoApplicationWorkflow', {
        workflowId: `required-info-application:record-${scenario}-${applicationId}`,
        taskQueue: TASK_QUEUE,
        args: [{ applicationId, memberId, deadlines }],
      });
      await drive(handle, memberId);
      await record('requiredInfoApplicationWorkflow', 'required-info-application', scenario, handle);
    }
  });
} finally {
  await connection.close();
  await workerConnection.close();
  await stopProcess(temporal.child);
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`${written} history file(s) written`);
