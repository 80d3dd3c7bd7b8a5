import { ValidationError, ValidationPipe } from '@nestjs/common';
import { SchemaViolation } from './schema-violation.js';

export interface FieldViolation {
  field: string;
  rules: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, rules: Object.keys(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelisting validation; every refusal is VALIDATION_FAILED listing the fields and rules (never values). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new SchemaViolation('The request has invalid fields', { errors: flatten(errors) }),
  });
}
