import { DomainError, ErrorCode, LANGUAGES } from '#app/core';
import { renderTemplate } from './render-template.js';
import { TEMPLATE_NAMES, TEMPLATES, type TemplateName, type TemplateParams } from './template-definitions.js';

const CODE = '048213';

// Typed as the full map, so this fixture also proves every template's params type-check.
const SAMPLE_PARAMS: TemplateParams = {
  'account-locked': { name: 'Kim Minji', lockedUntil: '2026-03-05T14:07:00.000Z' },
  'password-changed': { name: 'Kim Minji', changedAt: '2026-03-05T13:50:00.000Z' },
  'mobile-phone-code': { code: CODE, minutes: 3 },
  'login-id-identity-code': { code: CODE, minutes: 3 },
  'login-id-email-code': { code: CODE, minutes: 30 },
  'login-id-changed-old': {
    name: 'Kim Minji',
    newLoginId: 'new@example.com',
    revertToken: 'rvt_9f8e7d6c',
    revertUrl: 'https://account.example.com/login-id/revert',
    days: 7,
  },
  'login-id-changed-new': { name: 'Kim Minji', newLoginId: 'new@example.com' },
  'login-id-reverted': { name: 'Kim Minji', loginId: 'old@example.com', resetUrl: 'https://portal.example.com/password-reset?token=abc', minutes: 30 },
  'password-reset-link': { name: 'Kim Minji', resetUrl: 'https://portal.example.com/password-reset?token=abc', minutes: 30 },
  'password-reset-completed': { name: 'Kim Minji', changedAt: '2026-03-05T13:50:00.000Z' },
  'mobile-phone-changed': { name: 'Kim Minji', changedAt: '2026-03-05T13:50:00.000Z', maskedMobilePhone: '+*********5678' },
  'mobile-phone-changed-sms': { changedAt: '2026-03-05T13:50:00.000Z', maskedMobilePhone: '+*********5678' },
  'inquiry-answered': { name: 'Kim Minji', title: 'Invoice question' },
  'reviewer-set-password': { name: 'Park Jiho', setPasswordUrl: 'https://admin.example.com/set-password?token=abc', hours: 24 },
  'application-submitted': { name: 'Kim Minji', applicationId: 'APP-2026-0042' },
  'application-approved': { name: 'Kim Minji', applicationId: 'APP-2026-0042' },
  'application-expired': { name: 'Kim Minji', applicationId: 'APP-2026-0042' },
  'application-info-requested': {
    name: 'Kim Minji',
    applicationId: 'APP-2026-0042',
    message: 'Please upload a clearer scan of the business registration certificate.',
  },
  'application-rejected': {
    name: 'Kim Minji',
    applicationId: 'APP-2026-0042',
    reason: 'The registration number does not match the certificate.',
  },
  'review-overdue-reminder': { applicationId: 'APP-2026-0042', status: 'IN_REVIEW', since: '2026-03-02T09:00:00.000Z' },
  'review-claim-reassigned': { applicationId: 'APP-2026-0042', newClaimant: 'Park Jiwoo' },
};

const SCRIPT = { ko: /[\uAC00-\uD7A3]/, ja: /[\u3040-\u30FF]/, en: /^[\x20-\x7E\n]+$/ } as const;

function render<N extends TemplateName>(name: N, language: (typeof LANGUAGES)[number]) {
  return renderTemplate(name, language, SAMPLE_PARAMS[name]);
}

describe('renderTemplate', () => {
  const cases = TEMPLATE_NAMES.flatMap((name) => LANGUAGES.map((language) => [name, language] as const));

  it.each(cases)('renders %s in %s with its parameters', (name, language) => {
    const { subject, text } = render(name, language);
    expect(subject.trim()).not.toBe('');
    expect(text).toMatch(SCRIPT[language]);
    expect(subject).toMatch(SCRIPT[language]);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
    // Every text parameter shows up verbatim (instants are formatted, status is translated).
    const params = SAMPLE_PARAMS[name] as Record<string, string | number>;
    for (const [param, kind] of Object.entries(TEMPLATES[name].params as Record<string, string>)) {
      if (param === 'status' || kind === 'instant' || kind === 'url') continue;
      expect(text).toContain(String(params[param]));
    }
    if (TEMPLATES[name].channel === 'sms') expect(text.length).toBeLessThanOrEqual(140);
  });

  it.each(TEMPLATE_NAMES.filter((name) => 'code' in TEMPLATES[name].params))(
    '%s carries the 6-digit code verbatim in every language, with the validity in minutes',
    (name) => {
      for (const language of LANGUAGES) {
        const { text } = render(name, language);
        expect(text).toContain(CODE);
        expect(text).toContain(String((SAMPLE_PARAMS[name] as { minutes: number }).minutes));
      }
    },
  );

  it('writes instants in the reader’s language, in UTC', () => {
    expect(render('account-locked', 'en').text).toContain('March 5, 2026 at 2:07 PM UTC');
    expect(render('account-locked', 'ko').text).toContain('2026년 3월 5일 14:07 UTC');
    expect(render('account-locked', 'ja').text).toContain('2026年3月5日 14:07 UTC');
  });

  it('gives the old address a working "this wasn\'t me" link carrying the token, and the days', () => {
    for (const language of LANGUAGES) {
      const { text } = render('login-id-changed-old', language);
      expect(text).toContain('https://account.example.com/login-id/revert?token=rvt_9f8e7d6c');
      expect(text).toContain('7');
    }
    const withToken = renderTemplate('login-id-changed-old', 'en', {
      ...SAMPLE_PARAMS['login-id-changed-old'],
      revertUrl: 'https://account.example.com/revert/rvt_9f8e7d6c',
    });
    expect(withToken.text).toContain('https://account.example.com/revert/rvt_9f8e7d6c\n');
  });

  it('translates the application state in reviewer reminders', () => {
    expect(render('review-overdue-reminder', 'en').text).toContain('Status: in review');
    expect(render('review-overdue-reminder', 'ko').text).toContain('상태: 심사 중');
    expect(render('review-overdue-reminder', 'ja').text).toContain('状態：審査中');
  });

  it.each([
    ['mobile-phone-code', { code: '12345', minutes: 3 }, 'code'],
    ['mobile-phone-code', { code: '123456', minutes: 0 }, 'minutes'],
    ['account-locked', { name: 'Kim', lockedUntil: 'tomorrow' }, 'lockedUntil'],
    ['login-id-changed-old', { ...SAMPLE_PARAMS['login-id-changed-old'], revertUrl: 'javascript:alert(1)' }, 'revertUrl'],
    ['application-rejected', { name: 'Kim', applicationId: 'A-1' }, 'reason'],
  ] as const)('refuses %s with a bad %#th parameter set, naming the parameter only', (name, params, param) => {
    const attempt = () => renderTemplate(name, 'en', params as never);
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
      expect((error as DomainError).details).toEqual({ template: name, param });
      expect((error as DomainError).message).not.toContain('12345');
    }
  });

  it('refuses wrong parameters at compile time and again at run time', () => {
    // @ts-expect-error a code template needs minutes
    expect(() => renderTemplate('mobile-phone-code', 'en', { code: CODE })).toThrow(DomainError);
    // @ts-expect-error minutes is a number
    expect(() => renderTemplate('login-id-email-code', 'en', { code: CODE, minutes: '30' })).toThrow(DomainError);
    const lockedUntil = '2026-03-05T14:07:00Z';
    // @ts-expect-error account-locked has no code parameter
    expect(() => renderTemplate('account-locked', 'en', { name: 'Kim', lockedUntil, code: CODE })).toThrow(DomainError);
    // @ts-expect-error unknown template
    expect(() => renderTemplate('welcome', 'en', {})).toThrow(DomainError);
    // @ts-expect-error unsupported language
    expect(() => renderTemplate('password-changed', 'fr', SAMPLE_PARAMS['password-changed'])).toThrow(DomainError);
  });
});
