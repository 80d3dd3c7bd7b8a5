import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load-generator.js';
import { summariseLatencies } from './percentile.js';

export interface ClosedLoopOptions {
  /** Operations in flight at once: each lane starts its next one when the previous settles. */
  readonly concurrency: number;
  /** Hard bounds: no operation starts after the deadline or past the count. */
  readonly durationMs: number;
  readonly maxOperations: number;
  /** Operations run (and not measured) before the measured run. */
  readonly warmupOperations?: number;
}

export interface ClosedLoopResult extends LoadResult {
  /** The first failure's message, for the report (figures cover successful operations). */
  readonly firstError?: string;
}

/**
 * Closed-loop runner for in-process operations (a bcrypt compare, a workflow driven by a client):
 * the counterpart of generateLoad for work that is not one HTTP request. `operation` gets the
 * global sequence number of the operation (0, 1, … over warm-up and measured run together) and
 * its lane. The result has LoadResult's shape, so combineRuns works on it.
 */
export async function runClosedLoop(operation: (sequence: number, lane: number) => Promise<unknown>, options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  for (const [name, value, max] of [
    ['concurrency', options.concurrency, 10_000],
    ['durationMs', options.durationMs, 600_000],
    ['maxOperations', options.maxOperations, 10_000_000],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`closed loop: ${name} must be a whole number from 1 to ${max}`);
  }
  let sequence = 0;
  let warmupLeft = options.warmupOperations ?? 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, lane) => {
      while (warmupLeft-- > 0) await operation(sequence++, lane).catch(() => undefined);
    }),
  );

  const latenciesMs: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = Date.now() + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, lane) => {
      while (issued < options.maxOperations && Date.now() < deadline) {
        issued += 1;
        const from = performance.now();
        try {
          await operation(sequence++, lane);
          latenciesMs.push(performance.now() - from);
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  return {
    requests: issued,
    errors,
    elapsedMs,
    throughput: latenciesMs.length / (elapsedMs / 1_000),
    latency: summariseLatencies(latenciesMs),
    latenciesMs,
    firstError,
  };
}
