import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '#app/audit';
import { DomainError, ErrorCode } from '#app/core';
import { FailedPasswordCounters } from '#app/counters';
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
 * same bcrypt work and are counted by the same failed-password rule as members'
 * (FailedPasswordCounters: per email and client, per email, per client).
 */
@Injectable()
export class ReviewerAuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewers: ReviewersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: ReviewerSessionsService,
    private readonly audit: AuditTrail,
    private readonly failures: FailedPasswordCounters,
  ) {}

  async signIn(email: string, password: string, client: ReviewerClient): Promise<ReviewerSignIn> {
    const reviewer = await this.verifyCredentials(email, password, client);
    const { token, session } = await this.dataSource.transaction(async (manager) => {
      const issued = await this.sessions.issue(reviewer.id, client, manager);
      await this.audit.record(
        manager,
        { type: 'REVIEWER', id: reviewer.id, ...client },
        {
          action: 'REVIEWER_SIGNED_IN',
          memberId: null,
          after: { reviewerId: reviewer.id, sessionId: issued.session.id },
        },
      );
      return issued;
    });
    return { accessToken: token, tokenType: 'Bearer', expiresAt: session.absoluteExpiresAt.toISOString(), reviewer: toReviewerView(reviewer) };
  }

  /** The enabled reviewer behind an email and password, counting wrong passwords towards the lockout. */
  private async verifyCredentials(email: string, password: string, client: ReviewerClient): Promise<ReviewerEntity> {
    if (password.length > MAX_PASSWORD_LENGTH) throw invalidCredentials();
    const attempt = { realm: 'reviewer' as const, loginId: email, client: client.clientIp };
    await this.failures.assertAllowed(attempt);
    const reviewer = isValidReviewerEmail(email) ? await this.reviewers.findByEmail(email) : null;
    const matches = reviewer ? await this.hasher.verify(password, reviewer.passwordHash) : await this.hasher.verifyAgainstNothing(password);
    // A disabled account answers like a wrong password, so its existence is not confirmed.
    if (reviewer && matches && reviewer.disabledAt !== null) throw invalidCredentials();
    if (reviewer && matches) {
      await this.failures.recordSuccess(attempt);
      return reviewer;
    }
    const { refusal, newLock } = await this.failures.recordFailure(attempt);
    if (reviewer && newLock) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(
          manager,
          { type: 'ANONYMOUS', id: null, ...client },
          {
            action: 'REVIEWER_LOCKED',
            memberId: null,
            after: { reviewerId: reviewer.id, lockedUntil: newLock.until, scope: newLock.scope },
          },
        ),
      );
    }
    throw refusal ?? invalidCredentials();
  }

  /** After a reviewer's password is reset: the email's account-wide count and lock go. */
  clearFailures(email: string): Promise<void> {
    return this.failures.clearFailures('reviewer', email);
  }
}

function invalidCredentials(): DomainError {
  return new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct');
}
