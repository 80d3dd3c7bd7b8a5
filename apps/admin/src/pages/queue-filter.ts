import { DomainError, ErrorCode } from '#app/core';
import type { QueuePageFilter } from './queue.page.js';
import { isApplicationStatus } from './review-format.js';

const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

function invalidFilter(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field, rules: ['isValid'] }] });
}

/** The queue filter of the GET form: `status` ('' = waiting for review), `overdue=true`, `cursor`. */
export function queueFilterOf(query: Record<string, unknown>): QueuePageFilter {
  const { status, overdue, cursor } = query;
  if (status !== undefined && status !== '' && !isApplicationStatus(status)) throw invalidFilter('status', 'Choose a status from the list');
  if (cursor !== undefined && (typeof cursor !== 'string' || !CURSOR.test(cursor)))
    throw invalidFilter('cursor', 'The page link is not valid; start again from the first page');
  return {
    status: isApplicationStatus(status) ? status : undefined,
    overdueOnly: overdue === 'true',
    cursor: typeof cursor === 'string' ? cursor : undefined,
  };
}
