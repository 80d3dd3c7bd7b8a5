import { isValidBusinessRegistrationNumber, maskBusinessRegistrationNumber } from './business-registration-number.js';

describe('business registration number', () => {
  // 220-81-62517 and 120-81-47521 are published numbers of large Korean companies.
  it.each(['2208162517', '220-81-62517', '1208147521'])('accepts %s', (value) => {
    expect(isValidBusinessRegistrationNumber(value)).toBe(true);
  });

  it.each(['2208162518', '1234567890', '220816251', '22081625170', 'abcdefghij', ''])('refuses %s', (value) => {
    expect(isValidBusinessRegistrationNumber(value)).toBe(false);
  });

  it('masks all but the last four digits', () => {
    expect(maskBusinessRegistrationNumber('2208162517')).toBe('******2517');
    expect(maskBusinessRegistrationNumber(null)).toBeNull();
  });
});
