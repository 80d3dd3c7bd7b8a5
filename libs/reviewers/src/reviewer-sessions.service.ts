import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, hashSecret } from '#app/core';
import { ReviewerSessionEntity } from './reviewer-session.entity.js';
import type { ReviewerEntity } from './reviewer.entity.js';
import { ReviewersRepository } from './reviewers.repository.js';

/** Where a reviewer's request comes from, kept with the session and in the audit trail. */
export type ReviewerClient = Pick<AuditActor, 'clientIp' | 'userAgent'>;

/** The reviewer behind a live session: what the admin app's guards put on the request. */
export interface ReviewerPrincipal {
  readonly reviewer: ReviewerEntity;
  readonly session: ReviewerSessionEntity;
}

export interface IssuedReviewerSession {
  readonly token: string;
  readonly session: ReviewerSessionEntity;
}

// Refreshing last_used_at on every request would turn each read into a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;
// Tokens are 32 random bytes in base64url (43 characters); anything far off is not worth a lookup.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;

function unauthenticated(): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, 'A live reviewer session is required');
}

/**
 * Reviewer sessions: random bearer tokens stored as SHA-256, idle (SESSION_IDLE_MINUTES) and
 * absolute (SESSION_ABSOLUTE_HOURS) expiry, revocable. A separate table from member sessions, so
 * a member's token never opens the admin app.
 */
@Injectable()
export class ReviewerSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reviewers: ReviewersRepository,
    private readonly audit: AuditTrail,
  ) {}

  async issue(reviewerId: string, client: ReviewerClient, manager: EntityManager = this.dataSource.manager): Promise<IssuedReviewerSession> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = Object.assign(new ReviewerSessionEntity(), {
      id: randomUUID(),
      reviewerId,
      tokenHash: hashSecret(token),
      createdAt: now,
      lastUsedAt: now,
      idleExpiresAt: this.idleExpiry(now),
      absoluteExpiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
      revokedAt: null,
      clientIp: client.clientIp?.slice(0, 45) ?? null,
      userAgent: client.userAgent?.slice(0, 255) ?? null,
    });
    await manager.insert(ReviewerSessionEntity, session);
    return { token, session };
  }

  /**
   * The reviewer and live session behind a token, or UNAUTHENTICATED (unknown, expired or revoked
   * token, or a disabled reviewer). Slides the idle expiry.
   */
  async authenticate(token: string): Promise<ReviewerPrincipal> {
    if (!TOKEN_SHAPE.test(token)) throw unauthenticated();
    const session = await this.dataSource.manager.findOneBy(ReviewerSessionEntity, { tokenHash: hashSecret(token) });
    const now = new Date();
    if (!session || !this.isLive(session, now)) throw unauthenticated();
    const reviewer = await this.reviewers.findById(session.reviewerId);
    if (!reviewer || reviewer.disabledAt !== null) throw unauthenticated();
    if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      session.lastUsedAt = now;
      session.idleExpiresAt = this.idleExpiry(now);
      await this.dataSource.manager.update(ReviewerSessionEntity, { id: session.id }, { lastUsedAt: now, idleExpiresAt: session.idleExpiresAt });
    }
    return { reviewer, session };
  }

  /** Ends the session (sign-out); the token stops working at once. */
  async revoke(principal: ReviewerPrincipal, client: ReviewerClient): Promise<void> {
    const { reviewer, session } = principal;
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(ReviewerSessionEntity, { id: session.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!result.affected) throw unauthenticated();
      await this.audit.record(
        manager,
        { type: 'REVIEWER', id: reviewer.id, ...client },
        {
          action: 'REVIEWER_SIGNED_OUT',
          memberId: null,
          after: { reviewerId: reviewer.id, sessionId: session.id },
        },
      );
    });
  }

  /** Ends every live session of a reviewer at once (disabled account, new password); returns how many. */
  async revokeAll(reviewerId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const result = await manager.update(ReviewerSessionEntity, { reviewerId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  private isLive(session: ReviewerSessionEntity, now: Date): boolean {
    return session.revokedAt === null && session.idleExpiresAt > now && session.absoluteExpiresAt > now;
  }

  private idleExpiry(now: Date): Date {
    return new Date(now.getTime() + this.config.sessionIdleMinutes * 60_000);
  }
}
