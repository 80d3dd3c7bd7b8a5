import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-code.js';

/**
 * Refuses a password check while an account (member or reviewer) is locked after too many wrong
 * passwords: ACCOUNT_TEMPORARILY_LOCKED with when it ends and how long to wait.
 */
export function assertNotLocked(lockedUntil: Date | null, message: string): void {
  const remainingMs = lockedUntil ? lockedUntil.getTime() - Date.now() : 0;
  if (lockedUntil && remainingMs > 0) {
    throw new DomainError(ErrorCode.ACCOUNT_TEMPORARILY_LOCKED, message, {
      lockedUntil: lockedUntil.toISOString(),
      retryAfterSeconds: Math.ceil(remainingMs / 1_000),
    });
  }
}
