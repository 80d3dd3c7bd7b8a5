// The review crash matrix's worker: the real worker process started with a fault plan
// (WORKER_FAULT_POINT / WORKER_FAULT_ACTION, see apps/worker/src/faults/fault-injection.ts). When the
// plan fires, a killed worker is restarted without it; a stopped (SIGSTOP) one is left frozen while
// a second, plan-less worker takes the retry, then resumed, so its late completion meets the retry.
import fs from 'node:fs';
import { freePort, waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { WorkerProcess } from './worker-process.mjs';

export interface FaultPlan {
  readonly point: string;
  readonly action: 'kill' | 'stop';
  /** For stop: how long the worker stays frozen, when the activity's timeout is longer than the default pause. */
  readonly pauseMs?: number;
}

type ChildLike = { exitCode: number | null; signalCode: string | null; once(event: 'exit', listener: () => void): unknown };

export class FaultyWorker {
  private current?: WorkerProcess;
  private helper?: WorkerProcess;
  private watching?: Promise<void>;
  private logOffset = 0;
  /** Set when the plan fired and the worker was restarted (kill) or resumed (stop). */
  fired = false;

  constructor(
    private readonly env: Record<string, string>,
    private readonly logFile: string,
    /** How long a stopped worker stays frozen: longer than the activities' start-to-close timeout. */
    private readonly pauseMs = 8_000,
  ) {}

  /** Starts the worker with `plan` (or none) and watches for the plan to fire. */
  async start(plan?: FaultPlan): Promise<void> {
    await this.stop();
    this.fired = false;
    this.logOffset = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
    // The plan goes through WorkerProcess's own option: it strips a fault switch given any other way.
    this.current = new WorkerProcess(this.env, this.logFile);
    await this.current.start(plan ? { faultPoint: plan.point, faultAction: plan.action } : {});
    if (plan) this.watching = this.watch(plan);
  }

  /** Resolves once the plan fired and the worker is back (tests call it after the flow, to be sure it did fire). */
  async recovered(timeoutMs = 60_000): Promise<void> {
    if (!this.watching) throw new Error('No fault plan was given');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.watching,
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('The fault point was never reached')), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    const workers = [this.current, this.helper].filter((worker): worker is WorkerProcess => worker !== undefined);
    this.current = undefined;
    this.helper = undefined;
    for (const worker of workers) {
      const child = (worker as unknown as { child?: ChildLike & { pid?: number } }).child;
      if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGCONT');
      await worker.stop();
    }
  }

  private reached(plan: FaultPlan): boolean {
    const text = fs.readFileSync(this.logFile, 'utf8').slice(this.logOffset);
    return text.includes(`FAULT_POINT_REACHED ${plan.point} ${plan.action}`);
  }

  private async watch(plan: FaultPlan): Promise<void> {
    await waitFor(() => this.reached(plan), { timeoutMs: 120_000, intervalMs: 100, what: `fault point ${plan.point}` });
    const faulty = this.current!;
    const child = (faulty as unknown as { child: ChildLike & { pid: number } }).child;
    if (plan.action === 'kill') {
      if (child.exitCode === null && child.signalCode === null) await new Promise<void>((resolve) => child.once('exit', () => resolve()));
      this.current = new WorkerProcess(this.env, this.logFile);
      await this.current.start();
    } else {
      // Frozen mid-activity: a second worker takes the retry once the attempt times out, then the
      // first one wakes up and reports a result the server no longer wants.
      this.helper = new WorkerProcess({ ...this.env, WORKER_PORT: String(await freePort()) }, this.logFile);
      await this.helper.start();
      await new Promise((resolve) => setTimeout(resolve, plan.pauseMs ?? this.pauseMs));
      process.kill(child.pid, 'SIGCONT');
    }
    this.fired = true;
  }
}
