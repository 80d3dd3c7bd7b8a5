import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { normalisePassword } from './password-policy.js';

// bcrypt reads at most 72 bytes; longer inputs (possible with the nist profile's 64 Unicode
// characters) are first reduced to a SHA-256 digest so no character is silently ignored.
const BCRYPT_MAX_BYTES = 72;

function bcryptInput(plain: string): string {
  return Buffer.byteLength(plain, 'utf8') > BCRYPT_MAX_BYTES ? `sha256:${createHash('sha256').update(plain, 'utf8').digest('base64')}` : plain;
}

/**
 * bcrypt with the configured cost (BCRYPT_COST). The async API runs on the libuv thread pool,
 * never on the event loop.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(plain: string): Promise<string> {
    return bcrypt.hash(this.prepare(plain), this.config.bcryptCost);
  }

  verify(plain: string, hash: string): Promise<boolean> {
    return bcrypt.compare(this.prepare(plain), hash);
  }

  /** Spends the time of one real comparison, so an unknown login ID answers like a wrong password. */
  async verifyAgainstNothing(plain: string): Promise<false> {
    this.dummyHash ??= bcrypt.hash('no such member', this.config.bcryptCost);
    await bcrypt.compare(this.prepare(plain), await this.dummyHash);
    return false;
  }

  // The policy checks the profile's normal form (NFKC under nist), so that form is what is hashed.
  private prepare(plain: string): string {
    return bcryptInput(normalisePassword(plain, this.config.passwordPolicy));
  }
}
