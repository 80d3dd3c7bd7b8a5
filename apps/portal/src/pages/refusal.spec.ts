import { translator } from '../i18n/translate.js';
import { toRefusal } from './refusal.js';

describe('toRefusal', () => {
  const en = translator('en');
  const ko = translator('ko');

  it('puts VALIDATION_FAILED next to each field, nested address fields included', () => {
    const refusal = toRefusal(
      {
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'billingEmail', rules: ['isEmail'] },
          { field: 'address.country', rules: ['isISO31661Alpha2'] },
        ],
      },
      en,
      'en',
      {},
      ['billingEmail', 'address.country'],
    );
    expect(refusal.fields).toEqual({ billingEmail: ['Enter a valid email address.'], 'address.country': ['Enter a 2-letter country code, e.g. KR.'] });
    expect(refusal.general).toEqual([]);
  });

  it('lists every broken password rule under the new password, in the member language', () => {
    const refusal = toRefusal(
      { status: 422, code: 'PASSWORD_POLICY_VIOLATION', violations: [{ rule: 'TOO_SHORT' }, { rule: 'MISSING_DIGIT' }] },
      ko,
      'ko',
      {},
      ['newPassword'],
    );
    expect(refusal.fields.newPassword).toEqual(['비밀번호가 규칙에 맞지 않습니다: 8자 이상, 숫자 포함']);
  });

  it('places a code where this form says, and the rest above the form', () => {
    expect(toRefusal({ status: 401, code: 'INVALID_CREDENTIALS' }, en, 'en', { INVALID_CREDENTIALS: 'password' }, ['password']).fields.password).toEqual([
      'The ID or password is not correct.',
    ]);
    expect(toRefusal({ status: 409, code: 'APPLICATION_ALREADY_OPEN' }, en, 'en', {}, ['reason']).general).toEqual([
      'You already have an open application; wait for its decision or withdraw it.',
    ]);
    expect(toRefusal({ status: 422, code: 'VERIFICATION_CODE_INVALID', attemptsRemaining: 3 }, en, 'en', {}, ['code']).fields.code).toEqual([
      'The code is not correct (3 tries left).',
    ]);
  });

  it('names an unknown code instead of hiding it', () => {
    expect(toRefusal({ status: 422, code: 'SOMETHING_NEW' }, en, 'en').general).toEqual(['The request was refused (SOMETHING_NEW).']);
  });

  it('says when a cooling-off period ends', () => {
    const refusal = toRefusal({ status: 409, code: 'CHANGE_COOLING_OFF', availableAt: '2026-12-02T03:00:00.000Z', retryAfterSeconds: 3600 }, en, 'en');
    expect(refusal.general[0]).toMatch(/^For your safety this change can start on 2 Dec 2026, 12:00\.$/);
  });
});
