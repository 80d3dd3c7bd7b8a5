import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { assertPasswordPolicy, PasswordHasher, throwIfFieldErrors, type FieldError } from '#app/members';
import { isValidReviewerEmail, normaliseReviewerEmail } from './reviewer-email.js';
import { newReviewer } from './new-reviewer.js';
import { isReviewerRole, type ReviewerRole } from './reviewer-role.js';
import { toReviewerAccountView, toReviewerView, type ReviewerAccountView, type ReviewerView } from './reviewer-view.js';
import { ReviewersRepository } from './reviewers.repository.js';

export interface CreateReviewerCommand {
  readonly email: string;
  readonly password: string;
  /** `REVIEWER` or `ADMIN`; anything else is refused. */
  readonly role: string;
  /** Shown in the admin app; defaults to the part of the email before the @. */
  readonly displayName?: string;
}

export const MAX_DISPLAY_NAME_LENGTH = 100;

// Letters, marks, digits, punctuation and plain spaces; no control or invisible formatting characters.
const DISPLAY_NAME = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]+$/u;

/** Whether a (trimmed) display name is acceptable: 1..100 printable characters. */
export function isValidDisplayName(displayName: string): boolean {
  return displayName.length > 0 && [...displayName].length <= MAX_DISPLAY_NAME_LENGTH && DISPLAY_NAME.test(displayName);
}

/** Reviewer accounts: created by an operator (or an ADMIN), listed by ADMINs. */
@Injectable()
export class ReviewerAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reviewers: ReviewersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Creates a reviewer account. Refuses bad fields (VALIDATION_FAILED), a password outside the
   * configured policy (PASSWORD_POLICY_VIOLATION, every broken rule) and a taken email (LOGIN_ID_TAKEN).
   * `actor` is whoever creates it: the operator command passes SYSTEM, an ADMIN passes themself.
   */
  async create(command: CreateReviewerCommand, actor: AuditActor): Promise<ReviewerView> {
    const email = normaliseReviewerEmail(command.email);
    const displayName = (command.displayName ?? email.slice(0, email.lastIndexOf('@'))).trim();
    const errors: FieldError[] = [];
    if (!isValidReviewerEmail(email)) errors.push({ field: 'email', rules: ['isEmail'] });
    if (!isReviewerRole(command.role)) errors.push({ field: 'role', rules: ['isIn'] });
    if (!isValidDisplayName(displayName)) errors.push({ field: 'displayName', rules: ['length', 'printable'] });
    throwIfFieldErrors(errors);
    assertPasswordPolicy(command.password, { profile: this.config.passwordPolicy, loginId: email });

    const reviewer = newReviewer({ email, passwordHash: await this.hasher.hash(command.password), role: command.role as ReviewerRole, displayName });
    await this.dataSource.transaction(async (manager) => {
      await this.reviewers.insert(reviewer, manager);
      await this.audit.record(manager, actor, {
        action: 'REVIEWER_CREATED',
        memberId: null,
        after: { reviewerId: reviewer.id, email, role: reviewer.role, displayName },
      });
    });
    return toReviewerView(reviewer);
  }

  /** Every reviewer account, oldest first. */
  async list(): Promise<ReviewerAccountView[]> {
    return (await this.reviewers.listAll()).map(toReviewerAccountView);
  }
}
