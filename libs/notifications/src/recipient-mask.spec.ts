import { MAX_MASKED_RECIPIENT_LENGTH, maskRecipient } from './recipient-mask.js';

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

  it('fits the deliveries column for the longest address sign-up or an invitation takes (254)', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    const masked = maskRecipient('email', `x@${domain}`);
    expect(Array.from(masked).length).toBe(MAX_MASKED_RECIPIENT_LENGTH);
    expect(masked).toMatch(/^x\*\*\*@…c+\.d{57}\.com$/);
    expect(maskRecipient('email', `😀@${'e'.repeat(120)}.com`)).toMatch(/^😀\*\*\*@…e+\.com$/);
  });
});
