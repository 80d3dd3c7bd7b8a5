// Part of bench:login-id-change (P4), run by it as a child process: the activities of whole
// login-ID changes called directly — the worker's own Nest module and activity registry, a SQLite
// database and outbox of its own, no Temporal — so the change's own work (its database
// transactions, codes, outbox files, notices) is measured apart from what Temporal charges for
// running it. Prints one JSON line: { changes, cpuMsPerChange } (the whole process: every thread,
// libuv's pool included). Usage: node dist/bench/lib/login-id-change-activities.js <dir> <changes> <concurrency>
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ActivityRegistry } from '../../apps/worker/src/activities/activity-registry.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { loadConfig } from '#app/config';
import { SignUpService } from '#app/members';
import { outboxFileName } from '#app/notifications';
import { createJsonLogger, NestJsonLogger } from '#app/web';
import type { LoginIdChangeActivities } from '#workflows/activities';
import { activityKey } from '#workflows/login-id-change/login-id-change.contract';
import { runClosedLoop } from './closed-loop.js';
import { migrate } from './migrate.js';

const [dir, changesArg, concurrencyArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: login-id-change-activities.js <dir> <changes> <concurrency>');
const changes = Number(changesArg ?? 100);
const concurrency = Number(concurrencyArg ?? 10);
const warmup = Math.min(20, changes);

fs.mkdirSync(dir, { recursive: true });
// As the bench's worker process: LOG_LEVEL info, so the notices' log lines are paid for here too.
const config = loadConfig({
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'app.sqlite')}`,
  OUTBOX_DIR: path.join(dir, 'outbox'),
  DOCUMENTS_DIR: path.join(dir, 'documents'),
  LOG_LEVEL: 'info',
  BCRYPT_COST: '4',
});
await migrate(config.database);

const logger = createJsonLogger('worker', 'info', fs.createWriteStream(path.join(dir, 'activities.log')));
const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new NestJsonLogger(logger) });
const activities = app.get(ActivityRegistry).activities() as unknown as LoginIdChangeActivities;
const limits = config.loginIdChange;

// Members made as sign-up makes them (the product's own service; bcrypt at cost 4: setup, not measured).
const signUps = app.get(SignUpService, { strict: false });
const members: string[] = [];
for (let index = 0; index < warmup + changes; index++) {
  const loginId = `direct.${index}@example.com`;
  const { id } = await signUps.signUp(
    {
      loginId,
      password: 'Qz7!mKp2#x',
      name: 'Bench Member',
      memberType: 'PERSONAL',
      mobilePhone: `+8210${String(10_000_000 + index)}`,
      language: 'en',
      serviceArea: 'KR',
      billingEmail: loginId,
    },
    { type: 'SYSTEM', id: null },
  );
  members.push(id);
}

/** The code a send delivered, read from its outbox file as the member would read it. */
const codeSent = (channel: 'sms' | 'email', key: string) =>
  (JSON.parse(fs.readFileSync(path.join(config.outboxDir, outboxFileName(channel, `verification:${key}`)), 'utf8')) as { text: string }).text.match(
    /\b\d{6}\b/,
  )![0];
const expectOk = (step: string, outcome: { ok: boolean }) => {
  if (!outcome.ok) throw new Error(`${step} answered ${JSON.stringify(outcome)}`);
};

/** One whole change as workflow v3 runs it, with the workflow's own keys (an Update's ID ends those on its input). */
async function change(index: number): Promise<void> {
  const memberId = members[index];
  const changeId = randomUUID();
  const newLoginId = `direct.${index}.new@example.com`;
  const ofUpdate = (key: string) => activityKey.ofUpdate(key, randomUUID());
  const identityKey = activityKey.send(changeId, 'IDENTITY', 1);
  await activities.sendIdentityCode({ key: identityKey, changeId, memberId, limits });
  const identityCode = codeSent('sms', identityKey);
  expectOk(
    'identity code',
    await activities.checkCode({ key: ofUpdate(activityKey.check(changeId, 'IDENTITY', 1)), changeId, step: 'IDENTITY', code: identityCode }),
  );
  const emailKey = ofUpdate(activityKey.send(changeId, 'EMAIL', 1));
  expectOk('new login ID', await activities.checkNewLoginIdAndSendCode({ key: emailKey, changeId, memberId, newLoginId, limits }));
  const emailCode = codeSent('email', emailKey);
  expectOk('email code', await activities.checkCode({ key: ofUpdate(activityKey.check(changeId, 'EMAIL', 1)), changeId, step: 'EMAIL', code: emailCode }));
  const sessionId = randomUUID();
  expectOk('commit', await activities.commitLoginIdChange({ key: activityKey.commit(changeId), changeId, memberId, sessionId, newLoginId }));
  await activities.notifyLoginIdChanged({ key: activityKey.notify(changeId), changeId, memberId });
}

const warm = await runClosedLoop((sequence) => change(sequence), { concurrency, durationMs: 120_000, maxOperations: warmup });
const before = process.cpuUsage();
const run = await runClosedLoop((sequence) => change(warmup + sequence), { concurrency, durationMs: 120_000, maxOperations: changes });
const used = process.cpuUsage(before);
await app.close();
const errors = warm.errors + run.errors;
if (errors) throw new Error(`${errors} direct changes failed: ${run.firstError ?? warm.firstError}`);
console.log(JSON.stringify({ changes: run.latency.count, cpuMsPerChange: (used.user + used.system) / 1_000 / run.latency.count }));
