import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { COUNTER_STORE, CounterExceeded, type Counter, type CounterStore } from '#app/counters';
import { clientOf } from './client-of.js';
import { pathOf, routeOf, type HttpRequest } from './http-platform.js';

/**
 * Per-client fixed-window limit on the credential and code endpoints that opt in with
 * `@UseGuards(RateLimitGuard)`: RATE_LIMIT_PER_MINUTE requests per client and endpoint per minute.
 * The counts live in the CounterStore, so every replica shares them when REDIS_URL is set; when the
 * store cannot answer the request is refused (503), never let through.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly counter: Counter;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(COUNTER_STORE) store: CounterStore) {
    this.counter = store.counter({ keyPrefix: 'rate', points: config.credentialRateLimitPerMinute, durationSeconds: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const key = `${clientOf(req).clientIp ?? 'unknown'}|${req.method} ${routeOf(req) ?? pathOf(req)}`;
    try {
      await this.counter.consume(key);
    } catch (error) {
      if (!(error instanceof CounterExceeded)) throw error;
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many requests from this client; slow down', {
        retryAfterSeconds: Math.max(1, Math.ceil(error.state.msBeforeReset / 1_000)),
      });
    }
    return true;
  }
}
