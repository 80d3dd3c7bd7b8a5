// Global setup of the tiers that need the running stack: one migrated database, one Temporal dev
// server and one real worker process per run. Tests reach them through process.env.
// Plain JS: jest loads global setup without its module mapping; the app code comes from dist/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findTemporalCli, freePort, startDevServer } from '../../scripts/lib/temporal-cli.mjs';
import { createTestDatabase } from './test-database.mjs';
import { WorkerProcess } from './worker-process.mjs';

export default async function setupStack() {
  const tier = process.env.TEST_TIER ?? 'e2e';
  const runDir = path.resolve('var/test', `${tier}-${process.env.TEST_DB ?? 'sqlite'}-${Date.now()}`);
  fs.mkdirSync(runDir, { recursive: true });
  const database = await createTestDatabase(tier);
  execFileSync(process.execPath, ['dist/scripts/migrate.js'], { env: { ...process.env, DATABASE_URL: database.url }, stdio: 'ignore' });

  const temporal = await startDevServer({ cli: findTemporalCli(), port: await freePort(), logFile: path.join(runDir, 'temporal.log') });
  const env = {
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `account-changes-${tier}`,
    OUTBOX_DIR: path.join(runDir, 'outbox'),
    DOCUMENTS_DIR: path.join(runDir, 'documents'),
    BCRYPT_COST: '4',
    // Suites sign in many times from one address; the rate-limit test starts its own app with a low limit.
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'info',
    WORKER_PORT: String(await freePort()),
    TEST_RUN_DIR: runDir,
  };
  Object.assign(process.env, env);
  const worker = new WorkerProcess(env, path.join(runDir, 'worker.log'));
  try {
    await worker.start();
  } catch (error) {
    temporal.child.kill('SIGKILL');
    throw error;
  }
  globalThis.__stack = { temporal, worker, database };
}
