import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, hashSecret } from '#app/core';
import { assertPasswordPolicy, PasswordHasher } from '#app/members';
import { NotificationService } from '#app/notifications';
import { ReviewerPasswordLinkEntity } from './reviewer-password-link.entity.js';
import { ReviewerSessionEntity } from './reviewer-session.entity.js';
import { ReviewerEntity } from './reviewer.entity.js';

/** The admin page that takes the link's token (GET shows the form, POST sets the password). */
export const SET_PASSWORD_PATH = '/set-password';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const MAX_PASSWORD_LENGTH = 256;

function invalidLink(): DomainError {
  return new DomainError(ErrorCode.SET_PASSWORD_LINK_INVALID, 'This set-password link is not valid any more: ask an administrator for a new one');
}

/**
 * Set-password links for reviewer accounts: 32 random bytes in the emailed URL, SHA-256 in the
 * database, REVIEWER_SET_PASSWORD_LINK_HOURS to use it, once. A new link replaces the reviewer's
 * older ones. Setting the password follows the members' password policy and ends every session.
 */
@Injectable()
export class ReviewerPasswordLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly notifications: NotificationService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Issues a link within `manager`'s transaction and emails it (last, so a failed send rolls the
   * link back; the link is then never half-issued). Older unused links stop working.
   */
  async issueAndSend(manager: EntityManager, reviewer: ReviewerEntity, actor: AuditActor, reason: 'INVITED' | 'RESET'): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const link = Object.assign(new ReviewerPasswordLinkEntity(), {
      id: randomUUID(),
      reviewerId: reviewer.id,
      tokenHash: hashSecret(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.reviewerSetPasswordLinkHours * 3_600_000),
      usedAt: null,
    });
    await manager.update(ReviewerPasswordLinkEntity, { reviewerId: reviewer.id, usedAt: IsNull() }, { usedAt: now });
    await manager.insert(ReviewerPasswordLinkEntity, link);
    await this.audit.record(manager, actor, {
      action: 'REVIEWER_PASSWORD_LINK_SENT',
      memberId: null,
      after: { reviewerId: reviewer.id, linkId: link.id, reason, expiresAt: link.expiresAt },
    });
    const url = new URL(SET_PASSWORD_PATH, `${this.config.publicAdminUrl}/`);
    url.searchParams.set('token', token);
    await this.notifications.send({
      channel: 'email',
      to: reviewer.email,
      template: 'reviewer-set-password',
      // Reviewer accounts have no language of their own; the staff's working language is Korean.
      language: 'ko',
      params: { name: reviewer.displayName, setPasswordUrl: url.toString(), hours: this.config.reviewerSetPasswordLinkHours },
      idempotencyKey: `reviewer-set-password:${link.id}`,
    });
  }

  /** Whether the token names a live link (for the page: show the form or the "ask again" notice). */
  async isUsable(token: string): Promise<boolean> {
    return (await this.liveLink(token, this.dataSource.manager)) !== null;
  }

  /**
   * Sets the reviewer's password from a live link, once: a concurrent second use finds the link
   * used. PASSWORD_POLICY_VIOLATION leaves the link usable; SET_PASSWORD_LINK_INVALID for an
   * unknown, used, replaced or expired link, or a disabled account.
   */
  async setPassword(token: string, password: string, client: Pick<AuditActor, 'clientIp' | 'userAgent'>): Promise<{ email: string }> {
    if (typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields', { errors: [{ field: 'password', rules: ['length'] }] });
    }
    const found = await this.liveLink(token, this.dataSource.manager);
    if (!found) throw invalidLink();
    assertPasswordPolicy(password, { profile: this.config.passwordPolicy, loginId: found.reviewer.email });
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const used = await manager.update(ReviewerPasswordLinkEntity, { id: found.link.id, usedAt: IsNull() }, { usedAt: now });
      if (!used.affected) throw invalidLink();
      await manager.update(ReviewerEntity, { id: found.reviewer.id }, { passwordHash, updatedAt: now });
      // A new password ends whatever sessions the old one opened.
      await manager.update(ReviewerSessionEntity, { reviewerId: found.reviewer.id, revokedAt: IsNull() }, { revokedAt: now });
      await this.audit.record(
        manager,
        { type: 'REVIEWER', id: found.reviewer.id, ...client },
        {
          action: 'REVIEWER_PASSWORD_SET',
          memberId: null,
          after: { reviewerId: found.reviewer.id, linkId: found.link.id },
        },
      );
    });
    return { email: found.reviewer.email };
  }

  private async liveLink(token: string, manager: EntityManager): Promise<{ link: ReviewerPasswordLinkEntity; reviewer: ReviewerEntity } | null> {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
    const link = await manager.findOneBy(ReviewerPasswordLinkEntity, { tokenHash: hashSecret(token) });
    if (!link || link.usedAt !== null || link.expiresAt <= new Date()) return null;
    const reviewer = await manager.findOneBy(ReviewerEntity, { id: link.reviewerId });
    if (!reviewer || reviewer.disabledAt !== null) return null;
    return { link, reviewer };
  }
}
