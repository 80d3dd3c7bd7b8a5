import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a high-entropy secret — a session token, a revert token — for storage and
 * lookup: the secret itself is never stored. Not for passwords (bcrypt) or short codes (salted).
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
