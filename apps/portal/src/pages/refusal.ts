import type { ProblemBody } from '../api/api-problem.js';
import { isMessageKey, type Translate } from '../i18n/translate.js';

/** A refusal in the member's words: messages per form field, and those that belong to no field. */
export interface Refusal {
  readonly fields: Record<string, string[]>;
  readonly general: string[];
}

export const NO_REFUSAL: Refusal = { fields: {}, general: [] };

/** Which form field a code concerns on this form (e.g. INVALID_CREDENTIALS → currentPassword). */
export type CodeFields = Readonly<Record<string, string>>;

const DEFAULT_CODE_FIELDS: CodeFields = {
  PASSWORD_POLICY_VIOLATION: 'newPassword',
  PASSWORD_RECENTLY_USED: 'newPassword',
  PASSWORD_CONFIRMATION_MISMATCH: 'newPasswordConfirmation',
  IDENTITY_MISMATCH: 'mobilePhone',
  VERIFICATION_CODE_INVALID: 'code',
  VERIFICATION_CODE_EXPIRED: 'code',
  LOGIN_ID_TAKEN: 'newLoginId',
  INVALID_BUSINESS_REGISTRATION_NUMBER: 'businessRegistrationNumber',
};

function minutes(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

/** The sentence for a refusal code, with its parameters. */
export function codeMessage(problem: ProblemBody, t: Translate, lang: string): string {
  switch (problem.code) {
    case 'ACCOUNT_TEMPORARILY_LOCKED':
      return t('error.ACCOUNT_TEMPORARILY_LOCKED', { minutes: minutes(problem.retryAfterSeconds) });
    case 'TOO_MANY_REQUESTS':
      return t('error.TOO_MANY_REQUESTS', { seconds: problem.retryAfterSeconds ?? 60 });
    case 'VERIFICATION_CODE_INVALID':
      return typeof problem.attemptsRemaining === 'number'
        ? t('error.VERIFICATION_CODE_INVALID_LEFT', { attemptsRemaining: problem.attemptsRemaining })
        : t('error.VERIFICATION_CODE_INVALID');
    case 'CHANGE_COOLING_OFF': {
      const at = problem.availableAt ? new Date(problem.availableAt) : new Date(Date.now() + (problem.retryAfterSeconds ?? 0) * 1000);
      return t('error.CHANGE_COOLING_OFF', { availableAt: formatDateTime(at.toISOString(), lang) });
    }
    default: {
      const key = `error.${problem.code}`;
      return isMessageKey(key) ? t(key) : t('error.UNKNOWN', { code: problem.code });
    }
  }
}

// Formatters are costly to build: one per language, made once.
const DATE_TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** A date and time as members read it (Korea time, the portal's service time zone). */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = DATE_TIME_FORMATS.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : lang === 'ja' ? 'ja-JP' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Seoul',
    });
    DATE_TIME_FORMATS.set(lang, format);
  }
  return format.format(date);
}

function ruleMessage(rule: string, t: Translate): string {
  const key = `rule.${rule}`;
  return isMessageKey(key) ? t(key) : t('rule.other');
}

/**
 * Places each part of an API refusal next to the field it concerns, in the member's language:
 * VALIDATION_FAILED per field and rule, password rules under the new password, a wrong code under
 * the code, and the rest above the form.
 */
export function toRefusal(problem: ProblemBody, t: Translate, lang: string, codeFields: CodeFields = {}, formFields: readonly string[] = []): Refusal {
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  const add = (field: string | undefined, message: string) => {
    if (field && (formFields.length === 0 || formFields.includes(field))) (fields[field] ??= []).push(message);
    else general.push(message);
  };
  const fieldOf = { ...DEFAULT_CODE_FIELDS, ...codeFields };
  if (problem.code === 'VALIDATION_FAILED' && Array.isArray(problem.errors) && problem.errors.length > 0) {
    for (const error of problem.errors) {
      const field = formFields.includes(error.field) ? error.field : (formFields.find((name) => error.field.startsWith(`${name}.`)) ?? error.field);
      add(field, error.rules.map((rule: string) => ruleMessage(rule, t)).join(' '));
    }
    return { fields, general };
  }
  if (problem.code === 'PASSWORD_POLICY_VIOLATION' && Array.isArray(problem.violations)) {
    const rules = problem.violations.map((violation) => {
      const key = `pw.${violation.rule}`;
      return isMessageKey(key) ? t(key) : violation.rule;
    });
    add(fieldOf.PASSWORD_POLICY_VIOLATION, `${t('error.PASSWORD_POLICY_VIOLATION')} ${rules.join(', ')}`);
    return { fields, general };
  }
  if ((problem.code === 'DOCUMENT_TOO_LARGE' || problem.code === 'UNSUPPORTED_DOCUMENT_TYPE') && typeof problem.field === 'string') {
    add(problem.field.replace(/\[\d+\]$/, ''), codeMessage(problem, t, lang));
    return { fields, general };
  }
  add(fieldOf[problem.code], codeMessage(problem, t, lang));
  return { fields, general };
}
