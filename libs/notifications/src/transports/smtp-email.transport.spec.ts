import { DEFAULT_SENDER, messageIdFor, parseSmtpUrl } from './smtp-email.transport.js';

describe('SMTP email transport helpers', () => {
  it('derives the same Message-ID from the same idempotency key, on the sender domain', () => {
    const id = messageIdFor('password-changed:member-1:2026-03-05T14:07:00Z', 'Accounts <no-reply@example.com>');
    expect(id).toMatch(/^<[0-9a-f]{40}@example\.com>$/);
    expect(messageIdFor('password-changed:member-1:2026-03-05T14:07:00Z', 'no-reply@example.com')).toBe(id);
    expect(messageIdFor('password-changed:member-2:2026-03-05T14:07:00Z', 'no-reply@example.com')).not.toBe(id);
    expect(id).not.toContain('member-1');
  });

  it('reads the sender from the SMTP URL and keeps the rest for nodemailer', () => {
    expect(parseSmtpUrl('smtp://user:pw@mail.example.com:587?from=no-reply%40example.com&pool=true')).toEqual({
      url: 'smtp://user:pw@mail.example.com:587?pool=true',
      sender: 'no-reply@example.com',
    });
    expect(parseSmtpUrl('smtp://mailpit:1025')).toEqual({ url: 'smtp://mailpit:1025', sender: DEFAULT_SENDER });
  });
});
