import { CookieSealer } from './sealed-cookie.js';

describe('CookieSealer', () => {
  const sealer = new CookieSealer('a-secret-of-the-portal-that-is-long-enough');

  it('opens what it sealed, and the sealed text shows nothing of it', () => {
    const sealed = sealer.seal({ csrf: 'x', auth: { token: 'api-token-value', loginId: 'kim@example.com' } });
    expect(sealed).not.toContain('api-token-value');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('kim@example.com');
    expect(sealer.open(sealed)).toEqual({ csrf: 'x', auth: { token: 'api-token-value', loginId: 'kim@example.com' } });
  });

  it('seals the same value differently each time (a fresh IV)', () => {
    expect(sealer.seal({ a: 1 })).not.toBe(sealer.seal({ a: 1 }));
  });

  it('refuses an altered cookie, another key, and garbage', () => {
    const sealed = sealer.seal({ csrf: 'x' });
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(sealer.open(raw.toString('base64url'))).toBeUndefined();
    expect(new CookieSealer('another-secret-of-the-portal-long-enough').open(sealed)).toBeUndefined();
    expect(sealer.open('not-a-cookie')).toBeUndefined();
    expect(sealer.open('')).toBeUndefined();
  });
});
