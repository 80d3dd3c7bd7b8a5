import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { NotificationService, maskRecipient } from '#app/notifications';
import { VerificationCodeEntity, VerificationCodeService, type CodePolicy, type IssuedCode } from '#app/verification';
import { MemberEntity } from '../member.entity.js';
import { MembersRepository } from '../members.repository.js';
import { toE164Mobile } from '../mobile-phone.js';
import { toAccountView, type AccountView } from './account-view.js';

/** The verification-code purpose of a mobile phone change; the subject is the member ID. */
export const MOBILE_PHONE_CHANGE_PURPOSE = 'MOBILE_PHONE_CHANGE';

export interface MobilePhoneCodeSent {
  readonly expiresAt: Date;
  /** When the member may ask for the code again. */
  readonly resendAvailableAt: Date;
}

// A concurrent change of other account fields bumps the version under us: read again, a few times.
const APPLY_TRIES = 3;

/**
 * Change the mobile phone number (product.md §4): a 6-digit code goes by SMS to the *new* number,
 * and the number changes once that code is confirmed.
 */
@Injectable()
export class MobilePhoneChangeService {
  private readonly logger = new Logger(MobilePhoneChangeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly codes: VerificationCodeService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Sends a code to `mobilePhone`. Asking again for the number of the pending change re-sends
   * (after the pause, a limited number of times); another number starts over.
   */
  async request(memberId: string, mobilePhone: string): Promise<MobilePhoneCodeSent> {
    const target = toE164Mobile(mobilePhone);
    if (!target) return invalidPhone('isMobilePhone');
    const member = await this.findMember(memberId);
    if (member.mobilePhone === target) return invalidPhone('differsFromCurrent');

    const policy = this.policy();
    const pending = await this.dataSource.manager.findOneBy(VerificationCodeEntity, {
      purpose: MOBILE_PHONE_CHANGE_PURPOSE,
      subjectId: memberId,
      consumedAt: IsNull(),
    });
    let issued: IssuedCode;
    if (!pending || pending.target !== target) {
      issued = await this.codes.issue(MOBILE_PHONE_CHANGE_PURPOSE, memberId, target, policy);
    } else if (pending.failedAttempts >= pending.maxAttempts) {
      // That change failed (too many wrong codes): starting again still waits out the pause.
      assertPauseElapsed(pending, policy);
      issued = await this.codes.issue(MOBILE_PHONE_CHANGE_PURPOSE, memberId, target, policy);
    } else {
      issued = await this.codes.resend(MOBILE_PHONE_CHANGE_PURPOSE, memberId, policy);
    }

    try {
      await this.notifications.send({
        channel: 'sms',
        to: issued.target,
        template: 'mobile-phone-code',
        language: member.language,
        params: { code: issued.code, minutes: Math.max(1, Math.ceil(policy.ttlSeconds / 60)) },
        idempotencyKey: `verification:${issued.codeId}`,
      });
    } catch (error) {
      // A code that could not go out is never queued (api.md): nothing stays pending, the member asks again.
      await this.codes.discard(MOBILE_PHONE_CHANGE_PURPOSE, memberId);
      throw error;
    }
    const sentAt = issued.expiresAt.getTime() - policy.ttlSeconds * 1_000;
    return { expiresAt: issued.expiresAt, resendAvailableAt: new Date(sentAt + policy.resendAfterSeconds * 1_000) };
  }

  /**
   * Checks the code and applies the number it was sent to (MOBILE_PHONE_CHANGED); the change is
   * announced to the login email and, by SMS, to the old number.
   */
  async confirm(memberId: string, code: string, actor: AuditActor): Promise<AccountView> {
    const target = await this.codes.verify(MOBILE_PHONE_CHANGE_PURPOSE, memberId, code);
    for (let attempt = 1; ; attempt++) {
      const applied = await this.dataSource.transaction(async (manager) => {
        const member = await this.members.findById(memberId, manager);
        if (!member) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
        const updatedAt = new Date();
        const result = await manager
          .createQueryBuilder()
          .update(MemberEntity)
          // mobile_phone_changed_at starts the login-ID change's cooling-off.
          .set({ mobilePhone: target, mobilePhoneChangedAt: updatedAt, updatedAt, version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id: memberId, version: member.version })
          .execute();
        if (!result.affected) return undefined;
        await this.audit.record(manager, actor, {
          action: 'MOBILE_PHONE_CHANGED',
          memberId,
          before: { mobilePhone: member.mobilePhone },
          after: { mobilePhone: target },
        });
        return {
          previousMobilePhone: member.mobilePhone,
          member: Object.assign(new MemberEntity(), member, { mobilePhone: target, mobilePhoneChangedAt: updatedAt, updatedAt, version: member.version + 1 }),
        };
      });
      if (applied) {
        await this.announce(applied.member, applied.previousMobilePhone);
        return toAccountView(applied.member);
      }
      if (attempt >= APPLY_TRIES) {
        throw new DomainError(ErrorCode.VERSION_CONFLICT, 'The account is being changed at the same moment: ask for a new code and try again');
      }
    }
  }

  // Whoever replaced the number may not be the member: both the login email and the old phone hear of it.
  private async announce(member: MemberEntity, previousMobilePhone: string): Promise<void> {
    const changedAt = member.mobilePhoneChangedAt!.toISOString();
    const maskedMobilePhone = maskRecipient('sms', member.mobilePhone);
    const notices = [
      this.notifications.send({
        channel: 'email',
        to: member.loginId,
        template: 'mobile-phone-changed',
        language: member.language,
        params: { name: member.name, changedAt, maskedMobilePhone },
        idempotencyKey: `mobile-phone-changed:${member.id}:${changedAt}`,
      }),
      this.notifications.send({
        channel: 'sms',
        to: previousMobilePhone,
        template: 'mobile-phone-changed-sms',
        language: member.language,
        params: { changedAt, maskedMobilePhone },
        idempotencyKey: `mobile-phone-changed-sms:${member.id}:${changedAt}`,
      }),
    ];
    for (const result of await Promise.allSettled(notices)) {
      // The change stands even if a notice could not go out now.
      if (result.status === 'rejected') this.logger.warn(`mobile-phone-changed notice not sent: ${(result.reason as Error).message}`);
    }
  }

  private policy(): CodePolicy {
    return this.config.mobilePhoneCode;
  }

  private async findMember(memberId: string): Promise<MemberEntity> {
    const member = await this.members.findById(memberId);
    if (!member) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
    return member;
  }
}

function invalidPhone(rule: string): never {
  throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The request has invalid fields', { errors: [{ field: 'mobilePhone', rules: [rule] }] });
}

function assertPauseElapsed(pending: VerificationCodeEntity, policy: CodePolicy): void {
  const waitMs = pending.lastSentAt.getTime() + policy.resendAfterSeconds * 1_000 - Date.now();
  if (waitMs > 0) {
    throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'A new code can be sent a little later', { retryAfterSeconds: Math.ceil(waitMs / 1_000) });
  }
}
