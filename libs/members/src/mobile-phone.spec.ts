import { toE164Mobile } from './mobile-phone.js';

describe('toE164Mobile', () => {
  it.each([
    ['010-1234-5678', '+821012345678'],
    ['+82 10 1234 5678', '+821012345678'],
    ['+81 90-1234-5678', '+819012345678'],
    ['+1 415 555 2671', '+14155552671'],
  ])('reads %s as %s', (input, expected) => {
    expect(toE164Mobile(input)).toBe(expected);
  });

  it.each(['02-123-4567', '12345', 'not a phone', '+82 10 1234'])('refuses %s', (input) => {
    expect(toE164Mobile(input)).toBeUndefined();
  });
});
