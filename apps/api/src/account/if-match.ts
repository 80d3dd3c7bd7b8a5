import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '#app/core';
import { SchemaViolation } from '#app/web';

// One entity tag naming a version: "3", 3 or W/"3" (the ETag of GET /me/account is "3"); the
// OpenAPI document states the same pattern.
export const IF_MATCH_PATTERN = '^(?:W/)?"[0-9]{1,9}"$|^[0-9]{1,9}$';
const VERSION_TAG = /^(?:W\/)?"(\d{1,9})"$|^(\d{1,9})$/;

/**
 * The account version a conditional request names in If-Match. Missing (or `*`, which names no
 * version) is PRECONDITION_REQUIRED; anything else that is not one version tag is VALIDATION_FAILED.
 */
export function parseIfMatch(header: string | undefined): number {
  const value = header?.trim() ?? '';
  if (value === '' || value === '*') {
    throw new DomainError(ErrorCode.PRECONDITION_REQUIRED, 'Send If-Match with the version you read (the ETag of GET /api/v1/me/account)');
  }
  const match = VERSION_TAG.exec(value);
  const version = match ? Number(match[1] ?? match[2]) : Number.NaN;
  if (!Number.isSafeInteger(version)) {
    throw new SchemaViolation('If-Match must be one version tag, e.g. "3"', {
      errors: [{ field: 'If-Match', rules: ['isVersionTag'] }],
    });
  }
  return version;
}

/** The version named by the request's If-Match header (see parseIfMatch). */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext): number =>
  parseIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);
