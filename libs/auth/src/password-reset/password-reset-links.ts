import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { hashSecret } from '#app/core';
import { PasswordResetTokenEntity } from './password-reset-token.entity.js';

export interface IssuedResetLink {
  /** The portal page that sets the new password, token included. */
  readonly url: string;
  readonly minutes: number;
  readonly issuedAt: Date;
}

/** Issues the single-use reset link of a member: random token, stored hashed, replacing any older one. */
@Injectable()
export class PasswordResetLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Pass the caller's transaction manager to issue the link together with its change. */
  async issue(memberId: string, manager?: EntityManager): Promise<IssuedResetLink> {
    if (!manager) return this.dataSource.transaction((inner) => this.issue(memberId, inner));
    const token = randomBytes(32).toString('base64url');
    const issuedAt = new Date();
    const ttlSeconds = this.config.passwordReset.tokenTtlSeconds;
    // One row per member: the newer link replaces the older, which stops working at once.
    await manager.delete(PasswordResetTokenEntity, { memberId });
    await manager.insert(PasswordResetTokenEntity, {
      memberId,
      tokenHash: hashSecret(token),
      createdAt: issuedAt,
      expiresAt: new Date(issuedAt.getTime() + ttlSeconds * 1_000),
    });
    const url = new URL(`${this.config.publicPortalUrl}/password-reset`);
    url.searchParams.set('token', token);
    return { url: url.toString(), minutes: Math.max(1, Math.round(ttlSeconds / 60)), issuedAt };
  }
}
