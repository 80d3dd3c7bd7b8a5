import { ErrorCode } from './error-code.js';

/**
 * A refusal decided by the domain. Carries a stable code and optional public details
 * (never secrets). Transports map it once: HTTP to problem+json, the worker to a
 * non-retryable Temporal failure.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}
