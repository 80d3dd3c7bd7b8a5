// What the review page tells a reviewer whose action was refused. The workflow refuses with a
// code (INVALID_STATE, FORBIDDEN, VALIDATION_FAILED, NOT_FOUND once it is closed); the page reads
// the application again and words the refusal from where it stands now.
import type { ReviewerApplicationDetail } from '#app/applications';
import { DomainError, ErrorCode } from '#app/core';
import { MAX_NOTE_LENGTH, type ReviewAction, type ReviewRefusal } from './review.page.js';
import { statusLabel } from './review-format.js';

/** The codes a review form shows on the page itself; anything else is an error page. */
export const PAGE_REFUSAL_CODES: ReadonlySet<string> = new Set([
  ErrorCode.VALIDATION_FAILED,
  ErrorCode.INVALID_STATE,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.FOUR_EYES_REQUIRED,
]);

const DONE_AS: Readonly<Record<ReviewAction, string>> = {
  claim: 'claimed',
  release: 'released',
  approve: 'approved',
  reject: 'rejected',
  'request-info': 'sent back for information',
  reassign: 'reassigned',
};

const NOTE_NAMES: Partial<Record<ReviewAction, { readonly field: string; readonly missing: string; readonly fieldMissing: string }>> = {
  reject: { field: 'reason', missing: 'A reason is required to reject the application.', fieldMissing: 'A reason is required.' },
  'request-info': { field: 'message', missing: 'A message is required to request information.', fieldMissing: 'Say what the member should send.' },
};

/**
 * The text a form posts for `action` (reason, message), trimmed; VALIDATION_FAILED when it is
 * missing, blank or too long.
 */
export function requiredNote(action: ReviewAction, body: unknown): string {
  const names = NOTE_NAMES[action];
  if (!names) throw new Error(`${action} takes no note`);
  const value = (body as Record<string, unknown> | undefined)?.[names.field];
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new DomainError(ErrorCode.VALIDATION_FAILED, names.missing, { errors: [{ field: names.field, rules: ['isNotEmpty'] }] });
  if (text.length > MAX_NOTE_LENGTH) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `Keep it to ${MAX_NOTE_LENGTH} characters.`, { errors: [{ field: names.field, rules: ['maxLength'] }] });
  }
  return text;
}

/** What the reviewer typed into the refused form, to show it again (bounded). */
export function typedNote(action: ReviewAction, body: unknown): string | undefined {
  const names = NOTE_NAMES[action];
  const value = names ? (body as Record<string, unknown> | undefined)?.[names.field] : undefined;
  return typeof value === 'string' ? value.slice(0, MAX_NOTE_LENGTH * 2) : undefined;
}

function validationRefusal(action: ReviewAction, error: DomainError): Omit<ReviewRefusal, 'action' | 'typed'> {
  const names = NOTE_NAMES[action];
  const errors = Array.isArray(error.details.errors) ? (error.details.errors as { rules?: unknown }[]) : [];
  const tooLong = errors.some((entry) => Array.isArray(entry.rules) && entry.rules.includes('maxLength'));
  if (!names) return { message: error.message };
  if (tooLong)
    return { message: `The ${names.field} is too long: keep it to ${MAX_NOTE_LENGTH} characters.`, fieldMessage: `At most ${MAX_NOTE_LENGTH} characters.` };
  return { message: names.missing, fieldMessage: names.fieldMissing };
}

/** The refusal of `action` as the page words it, given the application as it stands after the refusal. */
export function reviewRefusal(
  action: ReviewAction,
  error: DomainError,
  application: Pick<ReviewerApplicationDetail, 'status' | 'claimedBy'>,
  reviewerId: string,
  typed?: string,
): ReviewRefusal {
  if (error.code === ErrorCode.VALIDATION_FAILED) return { action, typed, ...validationRefusal(action, error) };
  if (error.code === ErrorCode.FOUR_EYES_REQUIRED) {
    return { action, typed, message: 'Four eyes: you gave the first approval, so a different reviewer must give the second.' };
  }
  const held = application.status === 'IN_REVIEW' || (application.status === 'AWAITING_SECOND_APPROVAL' && application.claimedBy !== null);
  const claimedByMe = held && application.claimedBy === reviewerId;
  const claimedByOther = held && application.claimedBy !== reviewerId;
  let message: string;
  if (action === 'claim' && claimedByMe) message = 'You have already claimed this application.';
  else if (action === 'claim' && claimedByOther) message = 'Another reviewer claimed it first.';
  else if (claimedByOther) message = 'Another reviewer has claimed this application: only they can decide on it.';
  else if (action !== 'claim' && application.status === 'SUBMITTED') message = 'The application is back in the queue: claim it first.';
  else if ((action === 'claim' && application.status === 'SUBMITTED') || claimedByMe) {
    // The state allows the action, so the workflow was busy with another one.
    message = 'Another action on this application is in progress. Try again in a moment.';
  } else message = `The application is ${statusLabel(application.status).toLowerCase()} now, so it cannot be ${DONE_AS[action]}.`;
  return { action, message, typed };
}

/** The status a re-rendered page answers with: NOT_FOUND of a closed workflow is a conflict, the page exists. */
export function refusalStatus(code: string): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
      return 400;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.FOUR_EYES_REQUIRED:
      return 422;
    default:
      return 409;
  }
}

/** The notice shown after a redirect (`?done=`): fixed texts, never the query string itself. */
export const DONE_NOTICES: Readonly<Record<string, string>> = {
  claimed: 'You claimed this application. No other reviewer can decide on it while you hold it.',
  released: 'You released the application: it is back in the queue.',
  approved: "Approved: the requested values now apply to the member's account.",
  'first-approval': 'First approval recorded: a different reviewer must claim it and give the second approval.',
  reassigned: 'The claim was changed; the previous claimant is told by email.',
  rejected: 'Rejected: the member is told your reason.',
  'info-requested': 'Information requested: the member is told your message.',
};

export const DONE_KEYS: Readonly<Record<ReviewAction, string>> = {
  claim: 'claimed',
  release: 'released',
  approve: 'approved',
  reject: 'rejected',
  'request-info': 'info-requested',
  reassign: 'reassigned',
};
