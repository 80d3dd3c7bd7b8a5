import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, hashSecret } from '#app/core';
import { normaliseLoginId } from '#app/members';

const WINDOW_MS = 3_600_000;
const MAX_TRACKED = 50_000;

/**
 * Reset requests per login ID: PASSWORD_RESET_REQUESTS_PER_LOGIN_ID_PER_HOUR, counted by the
 * address typed, so an unknown login ID is limited exactly like a known one and nobody can flood
 * a member's mailbox. Counts live in this process (per replica) until the shared counters take them.
 */
@Injectable()
export class ResetRequestsPerLoginId {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Counts one request; TOO_MANY_REQUESTS (retryAfterSeconds) beyond the limit. */
  take(loginId: string): void {
    // Hashed: the map never holds the addresses people typed.
    const key = hashSecret(normaliseLoginId(loginId));
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= MAX_TRACKED) this.prune(now);
      window = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.config.passwordReset.requestsPerLoginIdPerHour) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many password reset requests for this login ID; try again later', {
        retryAfterSeconds: Math.ceil((window.resetAt - now) / 1_000),
      });
    }
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED) break;
      this.windows.delete(key);
    }
  }
}
