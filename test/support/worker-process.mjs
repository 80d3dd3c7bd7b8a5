import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopProcess, WaitAbandoned, waitFor } from '../../scripts/lib/temporal-cli.mjs';

const WORKER_MAIN = path.resolve('dist/apps/worker/src/main.js');

/**
 * The real worker (the built apps/worker) in its own process, so tests can kill and restart it.
 * start({ faultPoint: 'checkCode:after', faultAction: 'kill' | 'stop' }) arms the worker's test-only
 * fault switch (WORKER_FAULT_POINT); waitForFault() resolves when the worker reports it reached the
 * point (and, for kill, has died); resume() sends SIGCONT to a worker that stopped itself.
 */
export class WorkerProcess {
  constructor(env, logFile) {
    this.env = env;
    this.logFile = logFile;
    this.child = undefined;
    this.logOffset = 0;
    this.exited = undefined;
  }

  get pid() {
    return this.child?.pid;
  }

  async start({ faultPoint, faultAction = 'kill' } = {}) {
    if (!fs.existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run npm run build first`);
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true });
    this.logOffset = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
    const out = fs.openSync(this.logFile, 'a');
    const faults = faultPoint ? { WORKER_FAULT_POINT: faultPoint, WORKER_FAULT_ACTION: faultAction } : {};
    // The test bundle (ping, bench reference) besides the product's workflows.
    const env = { ...process.env, WORKER_TEST_WORKFLOWS: '1', ...this.env, ...faults };
    if (!faultPoint) delete env.WORKER_FAULT_POINT;
    // WORKER_NODE_FLAGS: node flags for the worker alone (e.g. --cpu-prof for a bench; NODE_OPTIONS refuses it).
    const flags = (process.env.WORKER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...flags, WORKER_MAIN], { env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    this.child = child;
    let exited = false;
    this.exited = new Promise((resolve) => child.once('exit', resolve));
    child.once('exit', () => (exited = true));
    const polling = `"pid":${child.pid},`;
    await waitFor(
      () => {
        if (exited) throw new WaitAbandoned('worker exited');
        return fs
          .readFileSync(this.logFile, 'utf8')
          .split('\n')
          .some((line) => line.includes(polling) && line.includes('"msg":"worker polling"'));
      },
      { timeoutMs: 60_000, what: 'the worker to poll' },
    ).catch((error) => {
      throw exited ? new Error(`The worker exited at start; see ${this.logFile}`) : error;
    });
  }

  /** This process's log lines since it started. */
  logSinceStart() {
    const text = fs.readFileSync(this.logFile, 'utf8');
    return text.slice(this.logOffset);
  }

  /** Waits for the armed fault point; with kill, also for the process to be gone. */
  async waitForFault({ timeoutMs = 60_000 } = {}) {
    await waitFor(() => this.logSinceStart().includes('FAULT_POINT_REACHED'), { timeoutMs, intervalMs: 50, what: 'the worker to reach its fault point' });
    const action = /FAULT_POINT_REACHED \S+ (kill|stop)/.exec(this.logSinceStart())?.[1];
    if (action === 'kill') await this.exited;
  }

  /** SIGCONT to a worker that stopped itself (WORKER_FAULT_ACTION=stop): its paused attempt carries on. */
  resume() {
    this.child?.kill('SIGCONT');
  }

  /** SIGKILL: no graceful shutdown; in-flight tasks are abandoned as in a crash. */
  async kill() {
    await stopProcess(this.child, 'SIGKILL');
  }

  async stop() {
    this.resume();
    await stopProcess(this.child, 'SIGTERM');
  }
}
