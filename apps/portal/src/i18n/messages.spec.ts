import { ErrorCode } from '../../../../libs/core/src/error-code.js';
import { MESSAGES } from './messages.js';

describe('the portal message catalogue', () => {
  it('has words in all three languages for every entry', () => {
    for (const [key, [en, ko, ja]] of Object.entries(MESSAGES)) {
      expect([key, en.trim() !== '', ko.trim() !== '', ja.trim() !== '']).toEqual([key, true, true, true]);
    }
  });

  it('has a sentence for every error code the API answers with', () => {
    const codes = [...Object.values(ErrorCode), 'CHANGE_COOLING_OFF', 'RESET_TOKEN_INVALID', 'PASSWORD_RESET_REQUIRED', 'FOUR_EYES_REQUIRED'].filter(
      (code) => code !== 'INTERNAL_ERROR',
    );
    expect(codes.filter((code) => !(`error.${code}` in MESSAGES))).toEqual([]);
  });

  it('keeps the parameters of a sentence the same in every language', () => {
    for (const [key, texts] of Object.entries(MESSAGES)) {
      const params = texts.map((text) =>
        [...text.matchAll(/\{(\w+)\}/g)]
          .map((match) => match[1])
          .sort()
          .join(','),
      );
      expect([key, params[1], params[2]]).toEqual([key, params[0], params[0]]);
    }
  });
});
