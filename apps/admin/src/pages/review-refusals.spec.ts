import { DomainError, ErrorCode } from '#app/core';
import { refusalStatus, requiredNote, reviewRefusal, typedNote } from './review-refusals.js';

const ME = 'reviewer-me';
const OTHER = 'reviewer-other';

function refusedWith(code: ErrorCode, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, 'refused', details);
}

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('review page refusals', () => {
  it('a reason or message must be there, not blank, and at most 2000 characters; it comes back trimmed', () => {
    expect(requiredNote('reject', { reason: '  Not legible  ' })).toBe('Not legible');
    expect(requiredNote('request-info', { message: 'Send the court decision' })).toBe('Send the court decision');
    for (const body of [{}, { reason: '' }, { reason: ' \n\t ' }, { reason: ['x'] }, undefined]) {
      const refusal = caught(() => requiredNote('reject', body));
      expect(refusal.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(refusal.details).toEqual({ errors: [{ field: 'reason', rules: ['isNotEmpty'] }] });
    }
    expect(caught(() => requiredNote('request-info', { message: 'x'.repeat(2001) })).details).toEqual({ errors: [{ field: 'message', rules: ['maxLength'] }] });
    expect(requiredNote('request-info', { message: 'x'.repeat(2000) })).toHaveLength(2000);
  });

  it('words a missing reason beside the field and keeps what was typed', () => {
    const error = caught(() => requiredNote('reject', { reason: '   ' }));
    const refusal = reviewRefusal('reject', error, { status: 'IN_REVIEW', claimedBy: ME }, ME, typedNote('reject', { reason: '   ' }));
    expect(refusal).toEqual({
      action: 'reject',
      message: 'A reason is required to reject the application.',
      fieldMessage: 'A reason is required.',
      typed: '   ',
    });
    const tooLong = caught(() => requiredNote('request-info', { message: 'x'.repeat(2001) }));
    expect(reviewRefusal('request-info', tooLong, { status: 'IN_REVIEW', claimedBy: ME }, ME).fieldMessage).toBe('At most 2000 characters.');
  });

  it.each([
    ['claim', ErrorCode.INVALID_STATE, 'IN_REVIEW', OTHER, 'Another reviewer claimed it first.'],
    ['claim', ErrorCode.INVALID_STATE, 'IN_REVIEW', ME, 'You have already claimed this application.'],
    ['claim', ErrorCode.INVALID_STATE, 'SUBMITTED', null, 'Another action on this application is in progress. Try again in a moment.'],
    ['claim', ErrorCode.INVALID_STATE, 'WITHDRAWN', null, 'The application is withdrawn now, so it cannot be claimed.'],
    ['approve', ErrorCode.FORBIDDEN, 'IN_REVIEW', OTHER, 'Another reviewer has claimed this application: only they can decide on it.'],
    ['approve', ErrorCode.INVALID_STATE, 'SUBMITTED', null, 'The application is back in the queue: claim it first.'],
    ['reject', ErrorCode.NOT_FOUND, 'APPROVED', ME, 'The application is approved now, so it cannot be rejected.'],
    ['request-info', ErrorCode.INVALID_STATE, 'IN_REVIEW', ME, 'Another action on this application is in progress. Try again in a moment.'],
    ['release', ErrorCode.INVALID_STATE, 'INFO_REQUESTED', null, 'The application is information requested now, so it cannot be released.'],
  ] as const)('%s refused with %s while %s (claimed by %s): "%s"', (action, code, status, claimedBy, message) => {
    expect(reviewRefusal(action, refusedWith(code), { status, claimedBy }, ME)).toEqual({ action, message, typed: undefined });
  });

  it('answers a validation refusal 400, not the claimant 403, anything else 409', () => {
    expect(refusalStatus(ErrorCode.VALIDATION_FAILED)).toBe(400);
    expect(refusalStatus(ErrorCode.FORBIDDEN)).toBe(403);
    expect(refusalStatus(ErrorCode.INVALID_STATE)).toBe(409);
    expect(refusalStatus(ErrorCode.NOT_FOUND)).toBe(409);
  });
});
