import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '#app/core';

/** One counter family: `points` per `durationSeconds` window under a key prefix. */
export interface CounterOptions {
  readonly keyPrefix: string;
  readonly points: number;
  readonly durationSeconds: number;
}

/** What a counter reports: how many points are used in the window and how long until it resets. */
export interface CounterState {
  readonly consumed: number;
  readonly msBeforeReset: number;
}

/** A counter is over its limit (its answer names how long to wait). */
export class CounterExceeded {
  constructor(readonly state: CounterState) {}
}

/**
 * One family of counters (rate-limiter-flexible), in Redis when REDIS_URL is set so every replica
 * shares it, else in this process. Every store failure becomes SERVICE_UNAVAILABLE: callers fail
 * closed, and nothing is ever counted as allowed because Redis did not answer.
 */
export class Counter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    readonly points: number,
    private readonly ready: () => Promise<void> = async () => undefined,
  ) {}

  /** Takes one point; rejects with CounterExceeded when that goes over the limit. */
  async consume(key: string): Promise<CounterState> {
    try {
      await this.ready();
      return toState(await this.limiter.consume(key, 1));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new CounterExceeded(toState(error));
      throw unavailable(error);
    }
  }

  /** Adds one point without ever rejecting. */
  async add(key: string): Promise<CounterState> {
    return toState(await this.guard(() => this.limiter.penalty(key, 1)));
  }

  /** The current state, or null when nothing was counted under the key. */
  async get(key: string): Promise<CounterState | null> {
    const res = await this.guard(() => this.limiter.get(key));
    return res ? toState(res) : null;
  }

  /** Marks the key over its limit for `seconds`. */
  async block(key: string, seconds: number): Promise<void> {
    await this.guard(() => this.limiter.block(key, seconds));
  }

  async delete(key: string): Promise<void> {
    await this.guard(() => this.limiter.delete(key));
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      await this.ready();
      return await operation();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

function toState(res: RateLimiterRes): CounterState {
  return { consumed: res.consumedPoints, msBeforeReset: Math.max(0, res.msBeforeNext) };
}

function unavailable(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The shared counters are unavailable; retry shortly');
}

const READY_WAIT_MS = 1_500;

/** Where counters live: one Redis connection per process, or this process's memory. */
export class CounterStore {
  private readonly redis: Redis | undefined;

  constructor(
    redisUrl: string | undefined,
    private readonly keyPrefix = '',
  ) {
    this.redis = redisUrl
      ? new Redis(redisUrl, {
          // Fail fast while Redis is gone instead of queueing commands: the request answers 503.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2_000,
          commandTimeout: 2_000,
          lazyConnect: false,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
        })
      : undefined;
    // Connection errors are reported through requests and /health; the client keeps reconnecting.
    this.redis?.on('error', () => undefined);
  }

  get shared(): boolean {
    return this.redis !== undefined;
  }

  counter(options: CounterOptions): Counter {
    const common = { keyPrefix: `${this.keyPrefix}${options.keyPrefix}`, points: options.points, duration: options.durationSeconds };
    const limiter = this.redis ? new RateLimiterRedis({ ...common, storeClient: this.redis, rejectIfRedisNotReady: true }) : new RateLimiterMemory(common);
    return new Counter(limiter, options.points, () => this.whenReady());
  }

  /** Waits briefly for a connection still being made (process start, reconnect); then the command fails fast. */
  private async whenReady(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready' || redis.status === 'end') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, READY_WAIT_MS);
      function done(): void {
        clearTimeout(timer);
        redis!.off('ready', done);
        resolve();
      }
      redis.once('ready', done);
    });
  }

  /** 'up' when the counters can be used (always, in memory). */
  async status(timeoutMs = 1_000): Promise<'up' | 'down'> {
    if (!this.redis) return 'up';
    if (this.redis.status !== 'ready') return 'down';
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs).unref()),
      ]);
      return pong === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  async close(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') this.redis.disconnect();
  }
}

/** Nest token of the process's CounterStore. */
export const COUNTER_STORE = Symbol('COUNTER_STORE');
