// `npm run quickstart`: from a fresh clone, installs what is missing, builds, migrates the embedded
// SQLite database, seeds the demo accounts, starts the Temporal dev server (with its Web UI), the
// worker, the API, the admin app and the member portal, and prints where everything is. Ctrl-C stops them all;
// running it again keeps the data (var/).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { findTemporalCli, startDevServer, stopProcess, waitFor } from './lib/temporal-cli.mjs';
import { schemaCurrent } from './lib/schema-current.mjs';
import { buildAsync, ensureDependencies, ROOT, runAsync } from './lib/setup.mjs';

const env = { ...process.env };
const apiPort = Number(env.API_PORT ?? 3000);
const adminPort = Number(env.ADMIN_PORT ?? 3001);
const workerPort = Number(env.WORKER_PORT ?? 3002);
const portalPort = Number(env.PORTAL_PORT ?? 3003);
// The dev server's frontend follows TEMPORAL_ADDRESS (what the apps connect to); its Web UI TEMPORAL_UI_PORT.
const temporalPort = Number(/:(\d+)$/.exec(env.TEMPORAL_ADDRESS ?? '')?.[1] ?? 7233);
const temporalUiPort = Number(env.TEMPORAL_UI_PORT ?? 8233);
const logDir = path.join(ROOT, 'var', 'log');
fs.mkdirSync(logDir, { recursive: true });

// The portal's two secrets, unless given: generated once and kept in var/ (so a restart keeps the
// members' portal sessions); the API gets the same PORTAL_API_SECRET, so it trusts the browser
// addresses the portal forwards.
function portalSecrets() {
  const file = path.join(ROOT, 'var', 'portal-secrets.json');
  let kept;
  try {
    kept = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    kept = {};
  }
  const secrets = {
    PORTAL_API_SECRET: env.PORTAL_API_SECRET || kept.PORTAL_API_SECRET || randomBytes(32).toString('base64url'),
    PORTAL_COOKIE_SECRET: env.PORTAL_COOKIE_SECRET || kept.PORTAL_COOKIE_SECRET || randomBytes(32).toString('base64url'),
  };
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
Object.assign(env, portalSecrets());
env.PORTAL_API_URL ??= `http://127.0.0.1:${apiPort}`;
env.PUBLIC_PORTAL_URL ??= `http://127.0.0.1:${portalPort}`;
const children = [];
let shuttingDown = false;

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log('\nStopping …');
  for (const child of [...children].reverse()) await stopProcess(child, 'SIGTERM', 10_000);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

// As the start:* scripts and the image run them: a 1 MB young generation, and glibc's malloc kept to
// 2 arenas (not one per thread: the worker's Temporal core and libuv threads each grew their own),
// keep each process's resident memory within quality.md P6 (bench/memory.mjs, bench/README.md).
// The old generation is capped too (worker 512 MB, the web apps 768 MB), so V8 grows each heap in
// smaller steps (docs/operations.md, "Memory settings of the processes").
const NODE_FLAGS = ['--max-semi-space-size=1'];
const OLD_SPACE_FLAGS = { worker: ['--max-old-space-size=512'], web: ['--max-old-space-size=768'] };
const APP_ENV = { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };

function startApp(name, entry) {
  const out = fs.openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(process.execPath, [...NODE_FLAGS, ...(name === 'worker' ? OLD_SPACE_FLAGS.worker : OLD_SPACE_FLAGS.web), entry], {
    cwd: ROOT,
    env: APP_ENV,
    stdio: ['ignore', out, out],
  });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) console.error(`${name} exited (${signal ?? code}); see var/log/${name}.log`);
  });
  children.push(child);
  return child;
}

/**
 * The seed (idempotent, but a Nest boot and two bcrypt hashes: seconds) is skipped on a restart:
 * when the embedded database file is older than the credentials file the seed wrote into it.
 * Any doubt (another DATABASE_URL, no birth time from the file system) seeds again.
 */
function alreadySeeded() {
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== 'sqlite:var/data/app.sqlite') return false;
  try {
    const database = fs.statSync(path.join(ROOT, 'var', 'data', 'app.sqlite'));
    const accounts = fs.statSync(path.join(ROOT, 'var', 'demo-accounts.txt'));
    return database.birthtimeMs > 0 && database.birthtimeMs < accounts.mtimeMs;
  } catch {
    return false;
  }
}

/** The embedded database (the default DATABASE_URL) already has every migration: a restart skips `migrate`. Any other database migrates. */
function migrated() {
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== 'sqlite:var/data/app.sqlite') return false;
  return schemaCurrent(path.join(ROOT, 'var', 'data', 'app.sqlite'), path.join(ROOT, 'dist', 'libs', 'persistence', 'src', 'migrations'));
}

async function healthy(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    return res.status === 200;
  } catch {
    return false;
  }
}

try {
  const started = Date.now();
  for (const port of [temporalPort, temporalUiPort, apiPort, adminPort, workerPort, portalPort]) {
    if (await portInUse(port)) throw new Error(`Port ${port} is already in use: is another quickstart running? Stop it first.`);
  }
  ensureDependencies();
  const cli = findTemporalCli({ install: true });
  // The dev server takes seconds to come up and needs nothing of ours: it starts first and the
  // build, migration, seed and app starts run meanwhile (the worker retries until it answers; the
  // apps connect lazily).
  console.log('Starting the Temporal dev server …');
  const temporalStarted = startDevServer({
    cli,
    port: temporalPort,
    uiPort: temporalUiPort,
    dbFile: path.join(ROOT, 'var', 'temporal', 'dev.sqlite'),
    logFile: path.join(logDir, 'temporal.log'),
    onSpawn: (child) => children.push(child),
  });
  temporalStarted.catch(() => undefined); // awaited below; a failure meanwhile must not go unhandled
  console.log('Building …');
  await buildAsync();
  if (migrated()) console.log('Schema is up to date (no migration to run).');
  else if ((await runAsync(process.execPath, ['dist/scripts/migrate.js'], { env })) !== 0) throw new Error('migration failed');
  if (!alreadySeeded() && (await runAsync(process.execPath, ['dist/scripts/seed-demo.js'], { env })) !== 0) {
    throw new Error('seeding the demo accounts failed');
  }
  startApp('worker', 'dist/apps/worker/src/main.js');
  startApp('api', 'dist/apps/api/src/main.js');
  startApp('admin', 'dist/apps/admin/src/main.js');
  startApp('portal', 'dist/apps/portal/src/main.js');
  await temporalStarted;
  await waitFor(async () => (await healthy(apiPort)) && (await healthy(adminPort)) && (await healthy(workerPort)) && (await healthy(portalPort)), {
    timeoutMs: 180_000, // generous: on a busy shared machine a start can take minutes
    what: 'the API, admin app, member portal and worker to report healthy',
  });
  const credentials = fs.readFileSync(path.join(ROOT, 'var', 'demo-accounts.txt'), 'utf8');
  console.log(`
Everything is up (logs in var/log/, outbox in var/outbox/):
  Member portal     http://127.0.0.1:${portalPort}/
  Member API        http://127.0.0.1:${apiPort}/api/v1
  API OpenAPI       http://127.0.0.1:${apiPort}/api/docs
  Admin app         http://127.0.0.1:${adminPort}/
  Admin OpenAPI     http://127.0.0.1:${adminPort}/admin/api/docs
  Temporal Web UI   http://127.0.0.1:${temporalUiPort}
  Health            http://127.0.0.1:${apiPort}/health · http://127.0.0.1:${adminPort}/health · http://127.0.0.1:${portalPort}/health · http://127.0.0.1:${workerPort}/health

${credentials.trim()}

Press Ctrl-C to stop everything. (Ready in ${((Date.now() - started) / 1_000).toFixed(1)} s.)`);
} catch (error) {
  console.error(`quickstart: ${error.message}`);
  await shutdown(1);
}
