import { maskRecipient } from './recipient-mask.js';

describe('maskRecipient', () => {
  it.each([
    ['email', 'minji.kim@example.com', 'm***@example.com'],
    ['email', ' A@b.co ', 'A***@b.co'],
    ['email', 'not-an-address', '***'],
    ['sms', '+821012345678', '+********5678'],
    ['sms', '010-1234-5678', '*******5678'],
    ['sms', '1234', '***'],
  ] as const)('masks %s recipient %s as %s', (channel, to, masked) => {
    expect(maskRecipient(channel, to)).toBe(masked);
  });
});
