export interface FaultPlan {
  /** `<activityName>:<before|after>` (WORKER_FAULT_POINT). */
  readonly faultPoint?: string;
  /** kill (SIGKILL itself) or stop (SIGSTOP itself; resume() continues it). */
  readonly faultAction?: 'kill' | 'stop';
}

export class WorkerProcess {
  constructor(env: Record<string, string>, logFile: string);
  readonly pid: number | undefined;
  start(plan?: FaultPlan): Promise<void>;
  logSinceStart(): string;
  waitForFault(options?: { timeoutMs?: number }): Promise<void>;
  resume(): void;
  kill(): Promise<void>;
  stop(): Promise<void>;
}
