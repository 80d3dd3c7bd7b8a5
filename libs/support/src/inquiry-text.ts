import { DomainError, ErrorCode } from '#app/core';
import { INQUIRY_BODY_MAX_LENGTH } from './inquiry-category.js';

// Lines and tabs, no other control characters: the rule of an inquiry's body, and of every reply.
export const BODY_CHARS = /^[^\p{Cc}]*(?:[\t\r\n]+[^\p{Cc}]*)*$/u;

/** Whether a (trimmed) message body is acceptable: 1..INQUIRY_BODY_MAX_LENGTH characters, lines allowed. */
export function isValidMessageBody(body: string): boolean {
  return body.length > 0 && body.length <= INQUIRY_BODY_MAX_LENGTH && BODY_CHARS.test(body);
}

/** The trimmed reply body with line breaks as \n (browsers post a textarea's as \r\n), or VALIDATION_FAILED naming `body`. */
export function replyBodyOf(raw: unknown): string {
  const body = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '';
  if (!isValidMessageBody(body)) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields', { errors: [{ field: 'body', rules: ['length', 'matches'] }] });
  }
  return body;
}
