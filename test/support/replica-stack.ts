// The replica tier's stack (quality.md R9): MySQL, Redis, SeaweedFS, a SENS double and a Temporal dev
// server, with 2 API, 2 admin, 2 portal and 2 worker processes built from dist/ — each process its own,
// so nothing is shared but what production shares (the portals share only their cookie secret).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findTemporalCli, freePort, startDevServer, stopProcess, waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { startSeaweedfs, type Seaweedfs } from './seaweedfs.mjs';
import { sensEnv, startSensDouble, type SensDouble } from './sens-double.js';
import { createTestDatabase, type TestDatabase } from './test-database.mjs';
import { WorkerProcess } from './worker-process.mjs';

/** An API, admin or portal process listening on its own loopback port. */
export class AppProcess {
  private child: ChildProcess | undefined;
  readonly url: string;

  constructor(
    private readonly main: string,
    private readonly env: Record<string, string>,
    port: number,
    private readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const out = fs.openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [this.main], { env: { ...process.env, ...this.env }, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    let exited = false;
    this.child.once('exit', () => (exited = true));
    await waitFor(
      async () => {
        if (exited) throw new Error(`${this.main} exited at start; see ${this.logFile}`);
        return (await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200;
      },
      { timeoutMs: 60_000, what: `${this.main} on ${this.url}` },
    );
  }

  stop(): Promise<void> {
    return stopProcess(this.child);
  }
}

export interface ReplicaStack {
  readonly env: Record<string, string>;
  readonly apis: AppProcess[];
  readonly admins: AppProcess[];
  /** Portal n calls API replica n. */
  readonly portals: AppProcess[];
  readonly workers: WorkerProcess[];
  readonly sens: SensDouble;
  readonly weed: Seaweedfs;
  readonly outboxDir: string;
  readonly documentsDir: string;
  stop(): Promise<void>;
}

export async function startReplicaStack(options: { faultyWorker?: Record<string, string> } = {}): Promise<ReplicaStack> {
  const runDir = path.resolve('var/test', `replicas-${Date.now()}`);
  fs.mkdirSync(runDir, { recursive: true });
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
  };
  try {
    const database: TestDatabase = await createTestDatabase('replicas', 'mysql');
    started.push({ stop: () => database.drop() });
    execFileSync(process.execPath, ['dist/scripts/migrate.js'], { env: { ...process.env, DATABASE_URL: database.url }, stdio: 'ignore' });
    const temporal = await startDevServer({ cli: findTemporalCli({ install: true }), port: await freePort(), logFile: path.join(runDir, 'temporal.log') });
    started.push({ stop: () => stopProcess(temporal.child) });
    const weed = await startSeaweedfs();
    started.push(weed);
    const sens = await startSensDouble();
    started.push({ stop: () => sens.close() });
    const outboxDir = path.join(runDir, 'outbox');
    const documentsDir = path.join(runDir, 'documents');
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'account-changes-replicas',
      OUTBOX_DIR: outboxDir,
      DOCUMENTS_DIR: documentsDir,
      BCRYPT_COST: '4',
      RATE_LIMIT_PER_MINUTE: '30',
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `replicas-${randomUUID()}:`,
      WORKER_STICKY_QUEUE_TIMEOUT_SECONDS: '1',
      LOG_LEVEL: 'info',
      TEST_RUN_DIR: runDir,
      PORTAL_API_SECRET: `replicas-portal-secret-${randomUUID()}`,
      PORTAL_COOKIE_SECRET: `replicas-cookie-secret-${randomUUID()}`,
      ...weed.env,
      ...sensEnv(sens.url),
    };
    const workers = [
      new WorkerProcess({ ...env, WORKER_PORT: String(await freePort()), ...options.faultyWorker }, path.join(runDir, 'worker-1.log')),
      new WorkerProcess({ ...env, WORKER_PORT: String(await freePort()) }, path.join(runDir, 'worker-2.log')),
    ];
    for (const worker of workers) {
      await worker.start();
      started.push({ stop: () => worker.stop() });
    }
    const apps = async (main: string, portVariable: string, name: string, extra: (n: number) => Record<string, string> = () => ({})) => {
      const processes = [];
      for (const n of [1, 2]) {
        const port = await freePort();
        const app = new AppProcess(path.resolve(main), { ...env, ...extra(n), [portVariable]: String(port) }, port, path.join(runDir, `${name}-${n}.log`));
        await app.start();
        started.push(app);
        processes.push(app);
      }
      return processes;
    };
    const apis = await apps('dist/apps/api/src/main.js', 'API_PORT', 'api');
    const admins = await apps('dist/apps/admin/src/main.js', 'ADMIN_PORT', 'admin');
    const portals = await apps('dist/apps/portal/src/main.js', 'PORTAL_PORT', 'portal', (n) => ({ PORTAL_API_URL: apis[n - 1].url }));
    return { env, apis, admins, portals, workers, sens, weed, outboxDir, documentsDir, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
