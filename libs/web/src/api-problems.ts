import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable error code (libs/core ErrorCode)' },
    detail: { type: 'string' },
  },
};

/**
 * Documents the refusals an endpoint answers, each an application/problem+json document:
 * `@ApiProblemResponses({ 401: 'UNAUTHENTICATED', 404: 'NOT_FOUND' })`. The value names the code(s).
 */
export function ApiProblemResponses(responses: Readonly<Record<number, string>>) {
  return applyDecorators(
    ...Object.entries(responses).map(([status, codes]) =>
      ApiResponse({ status: Number(status), description: codes, content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } }),
    ),
  );
}
