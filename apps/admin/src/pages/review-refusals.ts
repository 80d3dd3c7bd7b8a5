// What the review page tells a reviewer whose action was refused. The workflow refuses with a
// code (INVALID_STATE, FORBIDDEN, VALIDATION_FAILED, NOT_FOUND once it is closed); the page reads
// the application again and words the refusal from where it stands now.
import type { ReviewerApplicationDetail } from '#app/applications';
import { DomainError, ErrorCode } from '#app/core';
import { MAX_NOTE_LENGTH, type ReviewAction, type ReviewRefusal } from './review.page.js';
import { DEFAULT_PAGE_LANGUAGE, type PageLanguage } from './page-language.js';
import { statusLabel } from './review-format.js';
import { reviewTextFor, type ReviewTextKey } from './review-text.js';

/** The codes a review form shows on the page itself; anything else is an error page. */
export const PAGE_REFUSAL_CODES: ReadonlySet<string> = new Set([
  ErrorCode.VALIDATION_FAILED,
  ErrorCode.INVALID_STATE,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.FOUR_EYES_REQUIRED,
]);

interface NoteNames {
  readonly field: string;
  readonly missing: ReviewTextKey;
  readonly fieldMissing: ReviewTextKey;
  readonly tooLong: ReviewTextKey;
}

const NOTE_NAMES: Partial<Record<ReviewAction, NoteNames>> = {
  reject: { field: 'reason', missing: 'reasonMissing', fieldMissing: 'reasonFieldMissing', tooLong: 'reasonTooLong' },
  'request-info': { field: 'message', missing: 'messageMissing', fieldMissing: 'messageFieldMissing', tooLong: 'messageTooLong' },
};

// The JSON API's words for the refusals (its problem documents are in English).
const en = reviewTextFor('en');

/**
 * The text a form posts for `action` (reason, message), trimmed; VALIDATION_FAILED when it is
 * missing, blank or too long.
 */
export function requiredNote(action: ReviewAction, body: unknown): string {
  const names = NOTE_NAMES[action];
  if (!names) throw new Error(`${action} takes no note`);
  const value = (body as Record<string, unknown> | undefined)?.[names.field];
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new DomainError(ErrorCode.VALIDATION_FAILED, en(names.missing), { errors: [{ field: names.field, rules: ['isNotEmpty'] }] });
  if (text.length > MAX_NOTE_LENGTH) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, en('noteTooLong', { max: MAX_NOTE_LENGTH }), { errors: [{ field: names.field, rules: ['maxLength'] }] });
  }
  return text;
}

/** What the reviewer typed into the refused form, to show it again (bounded). */
export function typedNote(action: ReviewAction, body: unknown): string | undefined {
  const names = NOTE_NAMES[action];
  const value = names ? (body as Record<string, unknown> | undefined)?.[names.field] : undefined;
  return typeof value === 'string' ? value.slice(0, MAX_NOTE_LENGTH * 2) : undefined;
}

function validationRefusal(action: ReviewAction, error: DomainError, language: PageLanguage): Omit<ReviewRefusal, 'action' | 'typed'> {
  const t = reviewTextFor(language);
  const names = NOTE_NAMES[action];
  const errors = Array.isArray(error.details.errors) ? (error.details.errors as { rules?: unknown }[]) : [];
  const tooLong = errors.some((entry) => Array.isArray(entry.rules) && entry.rules.includes('maxLength'));
  if (!names) return { message: action === 'reassign' ? t('chooseReviewer') : error.message };
  if (tooLong) return { message: t(names.tooLong, { max: MAX_NOTE_LENGTH }), fieldMessage: t('atMost', { max: MAX_NOTE_LENGTH }) };
  return { message: t(names.missing), fieldMessage: t(names.fieldMissing) };
}

/** The refusal of `action` as the page words it, given the application as it stands after the refusal. */
export function reviewRefusal(
  action: ReviewAction,
  error: DomainError,
  application: Pick<ReviewerApplicationDetail, 'status' | 'claimedBy'>,
  reviewerId: string,
  typed?: string,
  language: PageLanguage = DEFAULT_PAGE_LANGUAGE,
): ReviewRefusal {
  const t = reviewTextFor(language);
  if (error.code === ErrorCode.VALIDATION_FAILED) return { action, typed, ...validationRefusal(action, error, language) };
  if (error.code === ErrorCode.FOUR_EYES_REQUIRED) return { action, typed, message: t('fourEyesRefusal') };
  const held = application.status === 'IN_REVIEW' || (application.status === 'AWAITING_SECOND_APPROVAL' && application.claimedBy !== null);
  const claimedByMe = held && application.claimedBy === reviewerId;
  const claimedByOther = held && application.claimedBy !== reviewerId;
  let message: string;
  if (action === 'claim' && claimedByMe) message = t('alreadyClaimed');
  else if (action === 'claim' && claimedByOther) message = t('claimedFirst');
  else if (claimedByOther) message = t('claimedByOther');
  else if (action !== 'claim' && application.status === 'SUBMITTED') message = t('claimFirst');
  else if ((action === 'claim' && application.status === 'SUBMITTED') || claimedByMe) {
    // The state allows the action, so the workflow was busy with another one.
    message = t('busy');
  } else {
    const status = statusLabel(application.status, language);
    message = t('cannotNow', { status: language === 'en' ? status.toLowerCase() : status, done: t(`doneAs_${action}`) });
  }
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

const DONE_NOTICES: Readonly<Record<string, ReviewTextKey>> = {
  claimed: 'done_claimed',
  released: 'done_released',
  approved: 'done_approved',
  'first-approval': 'done_first-approval',
  reassigned: 'done_reassigned',
  rejected: 'done_rejected',
  'info-requested': 'done_info-requested',
};

/** The notice shown after a redirect (`?done=`): fixed texts, never the query string itself; undefined for anything else. */
export function doneNotice(done: unknown, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): string | undefined {
  return typeof done === 'string' && Object.hasOwn(DONE_NOTICES, done) ? reviewTextFor(language)(DONE_NOTICES[done]) : undefined;
}

export const DONE_KEYS: Readonly<Record<ReviewAction, string>> = {
  claim: 'claimed',
  release: 'released',
  approve: 'approved',
  reject: 'rejected',
  'request-info': 'info-requested',
  reassign: 'reassigned',
};
