import { fork } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { summariseLatencies, type LatencySummary } from './percentile.js';

/** One request of a connection's cycle (see LoadOptions.cycles): what differs from the run's defaults. */
export interface RequestStep {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadOptions {
  /** http:// URL on a loopback address: the benches never load another machine. */
  readonly url: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Concurrent keep-alive connections, each sending one request at a time. */
  readonly connections: number;
  /** Hard bounds: the run stops at whichever comes first. */
  readonly durationMs: number;
  readonly maxRequests: number;
  /** Requests sent (and not measured) before the measured run. */
  readonly warmupRequests?: number;
  /** Responses with another status count as errors (default 200). */
  readonly expectStatus?: number;
  /** Per-request timeout (default 10 s). */
  readonly timeoutMs?: number;
  /**
   * Per-connection request cycles: connection i sends the steps of cycles[i % cycles.length] in
   * turn, starting over at the end, from the warm-up on through the measured run. For requests that
   * move state on (a password that changes each time), give every connection its own cycle.
   */
  readonly cycles?: readonly (readonly RequestStep[])[];
  /**
   * Paces the run to at most this many requests per second over all connections (default: as fast
   * as answers come); a connection behind its schedule sends as soon as its answer arrives.
   */
  readonly ratePerSecond?: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly elapsedMs: number;
  /** Successful responses per second. */
  readonly throughput: number;
  /** Milliseconds, over successful responses. */
  readonly latency: LatencySummary;
  /** The raw latencies (ms) of successful responses, for combining runs. */
  readonly latenciesMs: number[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function assertBounded(options: LoadOptions): URL {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) throw new Error(`load generator: only http:// on loopback, not ${url.origin}`);
  for (const [name, value, max] of [
    ['connections', options.connections, 1_000],
    ['durationMs', options.durationMs, 600_000],
    ['maxRequests', options.maxRequests, 10_000_000],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`load generator: ${name} must be a whole number from 1 to ${max}`);
  }
  const rate = options.ratePerSecond;
  if (rate !== undefined && !(rate > 0 && rate <= 1_000_000)) throw new Error('load generator: ratePerSecond must be above 0 and at most 1000000');
  if (options.cycles?.some((cycle) => cycle.length === 0) || options.cycles?.length === 0) throw new Error('load generator: cycles must not be empty');
  return url;
}

function send(agent: http.Agent, url: URL, options: LoadOptions, step: RequestStep = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const method = step.method ?? options.method ?? 'GET';
    const headers = step.headers ?? options.headers;
    const req = http.request(url, { agent, method, headers, timeout: options.timeoutMs ?? 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('request timeout')));
    req.on('error', reject);
    req.end(step.body ?? options.body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Closed-loop load: `connections` clients over keep-alive sockets, each sending its next request
 * when the previous answer arrives, bounded in count and time. Runs in the calling thread; use
 * generateLoadInWorker to keep it off a server's event loop in the same process.
 */
export async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  const url = assertBounded(options);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const expected = options.expectStatus ?? 200;
  try {
    // Each connection's place in its cycle carries on from the warm-up into the measured run.
    const sent = new Array<number>(options.connections).fill(0);
    const nextStep = (connection: number): RequestStep | undefined => {
      const cycle = options.cycles?.[connection % options.cycles.length];
      return cycle?.[sent[connection]++ % cycle.length];
    };
    let warmupLeft = options.warmupRequests ?? 0;
    await Promise.all(
      Array.from({ length: options.connections }, async (_, connection) => {
        while (warmupLeft-- > 0) await send(agent, url, options, nextStep(connection)).catch(() => 0);
      }),
    );

    const latenciesMs: number[] = [];
    let issued = 0;
    let errors = 0;
    const started = process.hrtime.bigint();
    const startedMs = performance.now();
    const deadline = Date.now() + options.durationMs;
    // Paced: each connection sends once per intervalMs, the connections staggered; a late one
    // sends at once but does not burst to catch up.
    const intervalMs = options.ratePerSecond ? (options.connections * 1_000) / options.ratePerSecond : 0;
    await Promise.all(
      Array.from({ length: options.connections }, async (_, connection) => {
        let scheduled = startedMs + (connection / options.connections) * intervalMs;
        while (issued < options.maxRequests && Date.now() < deadline) {
          if (intervalMs) {
            const wait = scheduled - performance.now();
            if (wait > 0) await sleep(wait);
            if (Date.now() >= deadline) break;
          }
          issued += 1;
          const from = performance.now();
          const status = await send(agent, url, options, nextStep(connection)).catch(() => 0);
          if (status === expected) latenciesMs.push(performance.now() - from);
          else errors += 1;
          scheduled = Math.max(scheduled + intervalMs, performance.now());
        }
      }),
    );
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      requests: issued,
      errors,
      elapsedMs,
      throughput: latenciesMs.length / (elapsedMs / 1_000),
      latency: summariseLatencies(latenciesMs),
      latenciesMs,
    };
  } finally {
    agent.destroy();
  }
}

/** generateLoad in a worker thread, so the load does not share the event loop it measures. */
export function generateLoadInWorker(options: LoadOptions): Promise<LoadResult> {
  assertBounded(options);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: options });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

/**
 * generateLoad in a child process, so the load neither shares the event loop it measures nor
 * counts in this process's CPU time (process.cpuUsage() then measures the servers alone).
 */
export function generateLoadInChildProcess(options: LoadOptions): Promise<LoadResult> {
  assertBounded(options);
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load-worker.js', import.meta.url)), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: LoadResult | undefined;
    child.once('message', (message: LoadResult) => {
      result = message;
    });
    child.once('error', reject);
    child.once('exit', (code: number | null) => (result ? resolve(result) : reject(new Error(`load process exited with ${code} and no result`))));
    child.send(options);
  });
}

/** Requests per second and latency of several runs taken together. */
export function combineRuns(runs: readonly LoadResult[]): LoadResult {
  const latenciesMs = runs.flatMap((run) => run.latenciesMs);
  const elapsedMs = runs.reduce((total, run) => total + run.elapsedMs, 0);
  return {
    requests: runs.reduce((total, run) => total + run.requests, 0),
    errors: runs.reduce((total, run) => total + run.errors, 0),
    elapsedMs,
    throughput: latenciesMs.length / (elapsedMs / 1_000),
    latency: summariseLatencies(latenciesMs),
    latenciesMs,
  };
}
