import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, assertNotLocked } from '#app/core';
import { PasswordHasher } from '#app/members';
import { isValidReviewerEmail } from './reviewer-email.js';
import type { ReviewerEntity } from './reviewer.entity.js';
import { ReviewerSessionsService, type ReviewerClient } from './reviewer-sessions.service.js';
import { toReviewerView, type ReviewerView } from './reviewer-view.js';
import { ReviewersRepository } from './reviewers.repository.js';

export interface ReviewerSignIn {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** The latest the token works; it also expires after SESSION_IDLE_MINUTES unused. */
  readonly expiresAt: string;
  readonly reviewer: ReviewerView;
}

const MAX_PASSWORD_LENGTH = 256;

/**
 * Reviewer sign-in. Unknown email and wrong password answer alike (INVALID_CREDENTIALS) after the
 * same bcrypt work; after LOCKOUT_THRESHOLD consecutive wrong passwords the account's password
 * checks are refused for LOCKOUT_MINUTES (ACCOUNT_TEMPORARILY_LOCKED).
 */
@Injectable()
export class ReviewerAuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reviewers: ReviewersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: ReviewerSessionsService,
    private readonly audit: AuditTrail,
  ) {}

  async signIn(email: string, password: string, client: ReviewerClient): Promise<ReviewerSignIn> {
    const reviewer = await this.verifyCredentials(email, password, client);
    const { token, session } = await this.dataSource.transaction(async (manager) => {
      const issued = await this.sessions.issue(reviewer.id, client, manager);
      await this.audit.record(manager, { type: 'REVIEWER', id: reviewer.id, ...client }, {
        action: 'REVIEWER_SIGNED_IN',
        memberId: null,
        after: { reviewerId: reviewer.id, sessionId: issued.session.id },
      });
      return issued;
    });
    return { accessToken: token, tokenType: 'Bearer', expiresAt: session.absoluteExpiresAt.toISOString(), reviewer: toReviewerView(reviewer) };
  }

  /** The enabled reviewer behind an email and password, counting wrong passwords towards the lockout. */
  private async verifyCredentials(email: string, password: string, client: ReviewerClient): Promise<ReviewerEntity> {
    if (password.length > MAX_PASSWORD_LENGTH) throw invalidCredentials();
    const reviewer = isValidReviewerEmail(email) ? await this.reviewers.findByEmail(email) : null;
    if (!reviewer) {
      await this.hasher.verifyAgainstNothing(password);
      throw invalidCredentials();
    }
    assertNotLocked(reviewer.lockedUntil, LOCKED);
    const matches = await this.hasher.verify(password, reviewer.passwordHash);
    // A disabled account answers like a wrong password, so its existence is not confirmed.
    if (matches && reviewer.disabledAt !== null) throw invalidCredentials();
    if (matches) {
      await this.reviewers.resetFailedPasswords(reviewer);
      return reviewer;
    }
    const lockUntil = new Date(Date.now() + this.config.lockout.minutes * 60_000);
    const { lockedUntil } = await this.reviewers.recordFailedPassword(reviewer.id, this.config.lockout.threshold, lockUntil);
    if (!lockedUntil) throw invalidCredentials();
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, { type: 'ANONYMOUS', id: null, ...client }, {
        action: 'REVIEWER_LOCKED',
        memberId: null,
        after: { reviewerId: reviewer.id, lockedUntil },
      }),
    );
    assertNotLocked(lockedUntil, LOCKED);
    throw invalidCredentials();
  }
}

const LOCKED = 'Too many wrong passwords: sign-in is locked for a while';

function invalidCredentials(): DomainError {
  return new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct');
}
