import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing of the portal's session cookie: the browser holds it but can neither read
 * nor alter it, and any replica with the same PORTAL_COOKIE_SECRET opens it. Format:
 * base64url(iv 12 bytes | tag 16 bytes | ciphertext).
 */
export class CookieSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A derived key, so the configured secret is never used as a cipher key directly.
    this.key = Buffer.from(hkdfSync('sha256', secret, 'member-portal', 'session-cookie v1', 32));
  }

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The sealed value, or undefined when it was altered, sealed with another key, or is not ours. */
  open(sealed: string): unknown {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length < 29) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
}
