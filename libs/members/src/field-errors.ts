import { DomainError, ErrorCode } from '#app/core';

/** The same shape the validation pipe answers with: which field, which rule; never the value. */
export interface FieldError {
  readonly field: string;
  readonly rules: string[];
}

export function throwIfFieldErrors(errors: FieldError[]): void {
  if (errors.length > 0) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields', { errors });
}
