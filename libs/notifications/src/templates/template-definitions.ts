/** Where a message goes: an email address or a mobile phone number. */
export type Channel = 'email' | 'sms';

/**
 * How a template parameter is checked before rendering: `code` is a 6-digit verification code,
 * `count` a positive whole number, `instant` an ISO-8601 timestamp, `url` an http(s) link.
 */
export type ParamKind = 'text' | 'code' | 'count' | 'instant' | 'url';

type ParamValue<K extends ParamKind> = K extends 'count' ? number : string;
type ParamsOf<S extends Readonly<Record<string, ParamKind>>> = { readonly [P in keyof S]: ParamValue<S[P]> };

// The one list of templates: channel and parameters. Types and runtime checks both derive from it,
// because activities receive their input as JSON and cannot rely on the compiler.
export const TEMPLATES = {
  'account-locked': { channel: 'email', params: { name: 'text', lockedUntil: 'instant' } },
  'password-changed': { channel: 'email', params: { name: 'text', changedAt: 'instant' } },
  'mobile-phone-code': { channel: 'sms', params: { code: 'code', minutes: 'count' } },
  'login-id-identity-code': { channel: 'sms', params: { code: 'code', minutes: 'count' } },
  'login-id-email-code': { channel: 'email', params: { code: 'code', minutes: 'count' } },
  'login-id-changed-old': {
    channel: 'email',
    params: { name: 'text', newLoginId: 'text', revertToken: 'text', revertUrl: 'url', days: 'count' },
  },
  'login-id-changed-new': { channel: 'email', params: { name: 'text', newLoginId: 'text' } },
  'login-id-reverted': { channel: 'email', params: { name: 'text', loginId: 'text', resetUrl: 'url', minutes: 'count' } },
  'password-reset-link': { channel: 'email', params: { name: 'text', resetUrl: 'url', minutes: 'count' } },
  'password-reset-completed': { channel: 'email', params: { name: 'text', changedAt: 'instant' } },
  'mobile-phone-changed': { channel: 'email', params: { name: 'text', changedAt: 'instant', maskedMobilePhone: 'text' } },
  'mobile-phone-changed-sms': { channel: 'sms', params: { changedAt: 'instant', maskedMobilePhone: 'text' } },
  'application-submitted': { channel: 'email', params: { name: 'text', applicationId: 'text' } },
  'application-approved': { channel: 'email', params: { name: 'text', applicationId: 'text' } },
  'application-expired': { channel: 'email', params: { name: 'text', applicationId: 'text' } },
  'application-info-requested': { channel: 'email', params: { name: 'text', applicationId: 'text', message: 'text' } },
  'application-rejected': { channel: 'email', params: { name: 'text', applicationId: 'text', reason: 'text' } },
  'review-overdue-reminder': { channel: 'email', params: { applicationId: 'text', status: 'text', since: 'instant' } },
  // The support inbox and reviewer accounts (the review desk).
  'inquiry-answered': { channel: 'email', params: { name: 'text', title: 'text' } },
  'reviewer-set-password': { channel: 'email', params: { name: 'text', setPasswordUrl: 'url', hours: 'count' } },
  'review-claim-reassigned': { channel: 'email', params: { applicationId: 'text', newClaimant: 'text' } },
} as const satisfies Record<string, { readonly channel: Channel; readonly params: Readonly<Record<string, ParamKind>> }>;

export type TemplateName = keyof typeof TEMPLATES;

/** TemplateName → the parameters it needs; a call with missing, extra or mistyped params fails type-check. */
export type TemplateParams = { readonly [N in TemplateName]: ParamsOf<(typeof TEMPLATES)[N]['params']> };

/** The channel a template is written for (SMS texts are short, emails have a subject). */
export type TemplateChannel<N extends TemplateName> = (typeof TEMPLATES)[N]['channel'];

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value);
}

/** A rendered message: `subject` is used for email only. */
export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
}

// One language's wording of every template.
export type TemplateCatalog = { readonly [N in TemplateName]: (params: TemplateParams[N]) => RenderedMessage };
