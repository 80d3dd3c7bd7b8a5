import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { DomainError, ErrorCode } from '#app/core';
import { PasswordHasher, throwIfFieldErrors, type FieldError } from '#app/members';
import { newReviewer } from './new-reviewer.js';
import { isValidReviewerEmail, normaliseReviewerEmail } from './reviewer-email.js';
import { ReviewerPasswordLinksService } from './reviewer-password-links.service.js';
import { isReviewerRole, type ReviewerRole } from './reviewer-role.js';
import { ReviewerSessionsService } from './reviewer-sessions.service.js';
import { ReviewerEntity } from './reviewer.entity.js';
import { isValidDisplayName } from './reviewer-accounts.service.js';
import { toReviewerAccountView, type ReviewerAccountView } from './reviewer-view.js';
import { ReviewersRepository } from './reviewers.repository.js';

export interface InviteReviewerCommand {
  readonly email: unknown;
  readonly displayName: unknown;
  readonly role: unknown;
}

export interface UpdateReviewerCommand {
  readonly role?: unknown;
  readonly disabled?: unknown;
}

function notFound(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No such reviewer account');
}

/**
 * What an ADMIN does to reviewer accounts (product.md §6): create one with a set-password link,
 * change its role, disable or enable it, send a new set-password link. An admin can neither
 * disable nor demote themself (OWN_ACCOUNT_CHANGE), and no change may leave the app without an
 * enabled ADMIN (LAST_ADMIN). Every change is audited with the acting admin.
 */
@Injectable()
export class ReviewerAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewers: ReviewersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: ReviewerSessionsService,
    private readonly links: ReviewerPasswordLinksService,
    private readonly audit: AuditTrail,
  ) {}

  /** Creates an account nobody can sign in to until its owner sets a password from the emailed link. */
  async invite(command: InviteReviewerCommand, actor: AuditActor): Promise<ReviewerAccountView> {
    const email = typeof command.email === 'string' ? normaliseReviewerEmail(command.email) : '';
    const displayName = typeof command.displayName === 'string' ? command.displayName.trim() : '';
    const errors: FieldError[] = [];
    if (!isValidReviewerEmail(email)) errors.push({ field: 'email', rules: ['isEmail'] });
    if (!isValidDisplayName(displayName)) errors.push({ field: 'displayName', rules: ['length', 'printable'] });
    if (!isReviewerRole(command.role)) errors.push({ field: 'role', rules: ['isIn'] });
    throwIfFieldErrors(errors);
    // A hash of random bytes nobody knows: no password works until one is set from the link.
    const reviewer = newReviewer({
      email,
      passwordHash: await this.hasher.hash(randomBytes(32).toString('base64url')),
      role: command.role as ReviewerRole,
      displayName,
    });
    await this.dataSource.transaction(async (manager) => {
      await this.reviewers.insert(reviewer, manager);
      await this.audit.record(manager, actor, {
        action: 'REVIEWER_CREATED',
        memberId: null,
        after: { reviewerId: reviewer.id, email, role: reviewer.role, displayName },
      });
      await this.links.issueAndSend(manager, reviewer, actor, 'INVITED');
    });
    return toReviewerAccountView(reviewer);
  }

  /** One account, or NOT_FOUND. */
  async get(reviewerId: string): Promise<ReviewerAccountView> {
    const reviewer = await this.reviewers.findById(reviewerId);
    if (!reviewer) throw notFound();
    return toReviewerAccountView(reviewer);
  }

  /** Changes the role and/or the disabled flag; disabling ends the account's sessions at once. */
  async update(reviewerId: string, command: UpdateReviewerCommand, actor: AuditActor & { readonly id: string }): Promise<ReviewerAccountView> {
    const errors: FieldError[] = [];
    if (command.role !== undefined && !isReviewerRole(command.role)) errors.push({ field: 'role', rules: ['isIn'] });
    if (command.disabled !== undefined && typeof command.disabled !== 'boolean') errors.push({ field: 'disabled', rules: ['isBoolean'] });
    if (command.role === undefined && command.disabled === undefined) errors.push({ field: 'role', rules: ['role or disabled is required'] });
    throwIfFieldErrors(errors);
    const role = command.role as ReviewerRole | undefined;
    const disabled = command.disabled as boolean | undefined;

    return this.dataSource.transaction(async (manager) => {
      // Both rows are held to the end: two admins demoting each other at once take turns, and the
      // second finds it is no longer an administrator (FORBIDDEN) instead of both succeeding.
      const locked = await this.reviewers.lockForChange([reviewerId, actor.id], manager);
      const reviewer = locked.find((row) => row.id === reviewerId);
      if (!reviewer) throw notFound();
      const acting = locked.find((row) => row.id === actor.id);
      if (!acting || acting.role !== 'ADMIN' || acting.disabledAt !== null) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'This needs the ADMIN role: your account is no longer an enabled administrator', {
          requiredRoles: ['ADMIN'],
        });
      }
      const nextRole = role ?? reviewer.role;
      const nextDisabled = disabled ?? reviewer.disabledAt !== null;
      const losesAdmin = reviewer.role === 'ADMIN' && reviewer.disabledAt === null && (nextRole !== 'ADMIN' || nextDisabled);
      if (losesAdmin && reviewer.id === actor.id) {
        throw new DomainError(ErrorCode.OWN_ACCOUNT_CHANGE, 'You cannot disable or demote your own account; ask another administrator');
      }
      if (losesAdmin && (await this.otherEnabledAdmins(manager, reviewer.id)) === 0) {
        throw new DomainError(ErrorCode.LAST_ADMIN, 'This is the last enabled administrator: make another reviewer an administrator first');
      }
      const before = { role: reviewer.role, disabled: reviewer.disabledAt !== null };
      const now = new Date();
      reviewer.role = nextRole;
      reviewer.disabledAt = nextDisabled ? (reviewer.disabledAt ?? now) : null;
      reviewer.updatedAt = now;
      await manager.update(ReviewerEntity, { id: reviewer.id }, { role: reviewer.role, disabledAt: reviewer.disabledAt, updatedAt: now });
      const endedSessions = nextDisabled && !before.disabled ? await this.sessions.revokeAll(reviewer.id, manager) : 0;
      await this.audit.record(manager, actor, {
        action: 'REVIEWER_UPDATED',
        memberId: null,
        before: { reviewerId: reviewer.id, ...before },
        after: { reviewerId: reviewer.id, role: reviewer.role, disabled: nextDisabled, endedSessions },
      });
      return toReviewerAccountView(reviewer);
    });
  }

  /** Emails a new set-password link (older ones stop working); the current password keeps working until it is used. */
  async sendPasswordReset(reviewerId: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const reviewer = await this.reviewers.findById(reviewerId, manager);
      if (!reviewer) throw notFound();
      if (reviewer.disabledAt !== null) throw new DomainError(ErrorCode.INVALID_STATE, 'The account is disabled: enable it before sending a set-password link');
      await this.links.issueAndSend(manager, reviewer, actor, 'RESET');
    });
  }

  private otherEnabledAdmins(manager: EntityManager, exceptId: string): Promise<number> {
    return manager.countBy(ReviewerEntity, { role: 'ADMIN', disabledAt: IsNull(), id: Not(exceptId) });
  }
}
