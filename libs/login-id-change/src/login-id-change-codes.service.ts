import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '#app/core';
import { MembersRepository } from '#app/members';
import { NotificationService } from '#app/notifications';
import { KeyedVerificationCodeService, VerificationCodeService, type CodePolicy, type IssuedCode } from '#app/verification';
import type { CodeCheck, CodeStep, LoginIdChangeLimits, ResendOutcome } from '#workflows/login-id-change/login-id-change.types';

const PURPOSE: Record<CodeStep, string> = { IDENTITY: 'LOGIN_ID_IDENTITY', EMAIL: 'LOGIN_ID_EMAIL' };

function policyFor(step: CodeStep, limits: LoginIdChangeLimits): CodePolicy {
  return {
    ttlSeconds: step === 'IDENTITY' ? limits.smsCodeTtlSeconds : limits.emailCodeTtlSeconds,
    maxAttempts: limits.maxWrongCodes,
    resendAfterSeconds: limits.resendAfterSeconds,
    maxResends: limits.maxResends,
  };
}

/**
 * The two codes of a login-ID change: SMS to the registered phone, email to the new address.
 * Every send and check is keyed by the workflow (exactly once): a retried send delivers the same
 * code under the notification key `verification:<key>`, a retried check answers as the first did.
 */
@Injectable()
export class LoginIdChangeCodesService {
  constructor(
    private readonly codes: VerificationCodeService,
    private readonly keyed: KeyedVerificationCodeService,
    private readonly notifications: NotificationService,
    private readonly members: MembersRepository,
  ) {}

  async sendIdentityCode(key: string, changeId: string, memberId: string, limits: LoginIdChangeLimits): Promise<void> {
    const member = await this.member(memberId);
    await this.keyed.issueOnce(PURPOSE.IDENTITY, changeId, member.mobilePhone, key, policyFor('IDENTITY', limits), (issued) =>
      this.deliver('IDENTITY', issued, member.language, limits),
    );
  }

  async sendEmailCode(key: string, changeId: string, memberId: string, newLoginId: string, limits: LoginIdChangeLimits): Promise<void> {
    const member = await this.member(memberId);
    await this.keyed.issueOnce(PURPOSE.EMAIL, changeId, newLoginId, key, policyFor('EMAIL', limits), (issued) =>
      this.deliver('EMAIL', issued, member.language, limits),
    );
  }

  async check(key: string, changeId: string, step: CodeStep, code: string): Promise<CodeCheck> {
    const outcome = await this.keyed.checkOnce(PURPOSE[step], changeId, code, key);
    if (outcome.ok) return { ok: true };
    return outcome.attemptsRemaining === undefined
      ? { ok: false, code: outcome.code }
      : { ok: false, code: outcome.code, attemptsRemaining: outcome.attemptsRemaining };
  }

  async resend(key: string, changeId: string, memberId: string, step: CodeStep, limits: LoginIdChangeLimits): Promise<ResendOutcome> {
    const member = await this.member(memberId);
    try {
      await this.keyed.resendOnce(PURPOSE[step], changeId, key, policyFor(step, limits), (issued) => this.deliver(step, issued, member.language, limits));
      return { ok: true };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.TOO_MANY_REQUESTS) {
        return { ok: false, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: Number(error.details.retryAfterSeconds ?? limits.resendAfterSeconds) };
      }
      if (error instanceof DomainError && error.code === ErrorCode.TOO_MANY_ATTEMPTS) return { ok: false, code: 'TOO_MANY_ATTEMPTS' };
      throw error;
    }
  }

  async discard(changeId: string): Promise<void> {
    await this.codes.discard(PURPOSE.IDENTITY, changeId);
    await this.codes.discard(PURPOSE.EMAIL, changeId);
  }

  private async deliver(step: CodeStep, issued: IssuedCode, language: 'ko' | 'en' | 'ja', limits: LoginIdChangeLimits): Promise<void> {
    // The send's key (codeId of a keyed issue): a retry is a duplicate, a re-send a new message.
    const idempotencyKey = `verification:${issued.codeId}`;
    const { target: to, code } = issued;
    if (step === 'IDENTITY') {
      const minutes = Math.max(1, Math.round(limits.smsCodeTtlSeconds / 60));
      await this.notifications.send({ channel: 'sms', to, template: 'login-id-identity-code', language, params: { code, minutes }, idempotencyKey });
    } else {
      const minutes = Math.max(1, Math.round(limits.emailCodeTtlSeconds / 60));
      await this.notifications.send({ channel: 'email', to, template: 'login-id-email-code', language, params: { code, minutes }, idempotencyKey });
    }
  }

  private async member(memberId: string) {
    const member = await this.members.findById(memberId);
    if (!member) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
    return member;
  }
}
