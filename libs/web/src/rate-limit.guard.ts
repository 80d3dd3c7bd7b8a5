import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';

const WINDOW_MS = 60_000;
const MAX_TRACKED_CLIENTS = 50_000;

/**
 * Per-client (IP) fixed-window limit on the credential and code endpoints that opt in with
 * `@UseGuards(RateLimitGuard)`: RATE_LIMIT_PER_MINUTE requests per endpoint per minute.
 * Counts live in this process; with several replicas the effective limit scales with them.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    const key = `${req.ip}|${req.method} ${req.baseUrl}${route}`;
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= MAX_TRACKED_CLIENTS) this.prune(now);
      window = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.config.credentialRateLimitPerMinute) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many requests from this client; slow down', {
        retryAfterSeconds: Math.ceil((window.resetAt - now) / 1_000),
      });
    }
    return true;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full of live windows: forget the oldest rather than grow without bound.
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED_CLIENTS) break;
      this.windows.delete(key);
    }
  }
}
