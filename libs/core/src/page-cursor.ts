import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-code.js';

/** A keyset position: the (time, id) of the last row a page showed. Opaque to clients (base64url JSON). */
export interface PagePosition {
  readonly at: Date;
  readonly id: string;
}

export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;

export function encodePageCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

/** The position a cursor names; VALIDATION_FAILED (field `cursor`) for anything that is not one. */
export function decodePageCursor(cursor: string): PagePosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = new Date(typeof at === 'string' ? at : Number.NaN);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string' || id.length > 36) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The cursor is not valid', { errors: [{ field: 'cursor', rules: ['isCursor'] }] });
  }
}

/** A `limit` query value: a whole number from 1 to MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT when absent. */
export function pageLimitOf(raw: unknown): number {
  if (raw === undefined || raw === '') return DEFAULT_PAGE_LIMIT;
  const value = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : typeof raw === 'number' ? raw : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_LIMIT) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`, {
      errors: [{ field: 'limit', rules: ['min', 'max'] }],
    });
  }
  return value;
}
