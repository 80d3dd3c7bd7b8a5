export class WorkerProcess {
  constructor(env: Record<string, string>, logFile: string);
  readonly pid: number | undefined;
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}
