import { DomainError, ErrorCode } from '#app/core';

/**
 * VALIDATION_FAILED for what the OpenAPI schema itself forbids (the validation pipe, and the guards
 * that check a body's shape before it): 400. Every other VALIDATION_FAILED — a domain rule the
 * schema cannot state (a mobile number's validity, business-only fields of a personal member, an
 * undecodable cursor, an unknown multipart part) — refuses schema-valid input and is 422
 * (docs/error-codes.md, "400 only for what the schema forbids").
 */
export class SchemaViolation extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.VALIDATION_FAILED, message, details);
  }
}
