import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { summariseLatencies, type LatencySummary } from './percentile.js';

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
  return url;
}

function send(agent: http.Agent, url: URL, options: LoadOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: options.method ?? 'GET', headers: options.headers, timeout: options.timeoutMs ?? 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('request timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

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
    let warmupLeft = options.warmupRequests ?? 0;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (warmupLeft-- > 0) await send(agent, url, options).catch(() => 0);
      }),
    );

    const latenciesMs: number[] = [];
    let issued = 0;
    let errors = 0;
    const started = process.hrtime.bigint();
    const deadline = Date.now() + options.durationMs;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (issued < options.maxRequests && Date.now() < deadline) {
          issued += 1;
          const sent = process.hrtime.bigint();
          const status = await send(agent, url, options).catch(() => 0);
          if (status === expected) latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
          else errors += 1;
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
