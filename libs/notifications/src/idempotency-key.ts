import { createHash } from 'node:crypto';
import { DomainError, ErrorCode } from '#app/core';

// Longest key the notification_deliveries table stores.
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

export function assertIdempotencyKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.trim() === '' || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `idempotencyKey must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`, { param: 'idempotencyKey' });
  }
}

// SHA-256 of the key, hex: names outbox files and Message-IDs without exposing the key itself.
export function idempotencyDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
