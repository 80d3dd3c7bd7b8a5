import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopProcess, waitFor } from '../../scripts/lib/temporal-cli.mjs';

const WORKER_MAIN = path.resolve('dist/apps/worker/src/main.js');

/** The real worker (the built apps/worker) in its own process, so tests can kill and restart it. */
export class WorkerProcess {
  constructor(env, logFile) {
    this.env = env;
    this.logFile = logFile;
    this.child = undefined;
  }

  get pid() {
    return this.child?.pid;
  }

  async start() {
    if (!fs.existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run npm run build first`);
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true });
    const out = fs.openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [WORKER_MAIN], { env: { ...process.env, ...this.env }, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    this.child = child;
    let exited = false;
    child.once('exit', () => (exited = true));
    const polling = `"pid":${child.pid},`;
    await waitFor(
      () => {
        if (exited) throw new Error('worker exited');
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

  /** SIGKILL: no graceful shutdown; in-flight tasks are abandoned as in a crash. */
  async kill() {
    await stopProcess(this.child, 'SIGKILL');
  }

  async stop() {
    await stopProcess(this.child, 'SIGTERM');
  }
}
