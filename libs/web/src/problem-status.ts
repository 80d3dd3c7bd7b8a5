import { DomainError, ErrorCode } from '#app/core';
import { SchemaViolation } from './schema-violation.js';

/** The HTTP status of every error code; exhaustive, so a new code cannot be forgotten. */
export function problemStatus(code: ErrorCode): number {
  switch (code) {
    // 400 only for what the OpenAPI schema itself forbids (docs/error-codes.md); rules the schema
    // cannot state (policy, confirmation, check digit, a file's type by its content) refuse
    // schema-valid input with 422. VALIDATION_FAILED is 400 from the schema's checks
    // (SchemaViolation) and 422 from the domain: see refusalStatus.
    case ErrorCode.VALIDATION_FAILED:
      return 400;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CREDENTIALS:
      return 401;
    case ErrorCode.REAUTHENTICATION_REQUIRED:
    case ErrorCode.FORBIDDEN:
      return 403;
    // The password was right, but it no longer opens the account.
    case ErrorCode.PASSWORD_RESET_REQUIRED:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.LOGIN_ID_TAKEN:
    case ErrorCode.CHANGE_ALREADY_IN_PROGRESS:
    case ErrorCode.INVALID_STATE:
    case ErrorCode.APPLICATION_ALREADY_OPEN:
      return 409;
    // The account's recent history forbids the change for now (availableAt, retryAfterSeconds).
    case ErrorCode.CHANGE_COOLING_OFF:
      return 409;
    case ErrorCode.VERSION_CONFLICT:
      return 412;
    case ErrorCode.DOCUMENT_TOO_LARGE:
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.PASSWORD_POLICY_VIOLATION:
    case ErrorCode.PASSWORD_CONFIRMATION_MISMATCH:
    case ErrorCode.INVALID_BUSINESS_REGISTRATION_NUMBER:
    case ErrorCode.UNSUPPORTED_DOCUMENT_TYPE:
    case ErrorCode.PASSWORD_RECENTLY_USED:
    case ErrorCode.IDENTITY_MISMATCH:
    case ErrorCode.VERIFICATION_CODE_INVALID:
    case ErrorCode.VERIFICATION_CODE_EXPIRED:
    case ErrorCode.LAST_ADMIN:
    case ErrorCode.OWN_ACCOUNT_CHANGE:
    case ErrorCode.SET_PASSWORD_LINK_INVALID:
    case ErrorCode.FOUR_EYES_REQUIRED:
      return 422;
    case ErrorCode.RESET_TOKEN_INVALID:
      return 422;
    case ErrorCode.PRECONDITION_REQUIRED:
      return 428;
    case ErrorCode.ACCOUNT_TEMPORARILY_LOCKED:
    case ErrorCode.TOO_MANY_ATTEMPTS:
    case ErrorCode.TOO_MANY_REQUESTS:
      return 429;
    case ErrorCode.INTERNAL_ERROR:
      return 500;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
  }
}

/** The status of domain VALIDATION_FAILED: a rule the schema cannot state, met by schema-valid input. */
export const DOMAIN_VALIDATION_STATUS = 422;

/** The HTTP status of one thrown refusal: problemStatus, except VALIDATION_FAILED outside the schema's checks (422). */
export function refusalStatus(error: DomainError): number {
  if (error.code === ErrorCode.VALIDATION_FAILED && !(error instanceof SchemaViolation)) return DOMAIN_VALIDATION_STATUS;
  return problemStatus(error.code);
}

export function problemTitle(code: ErrorCode): string {
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
