import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '#app/core';
import { MembersRepository } from '#app/members';
import { NotificationService } from '#app/notifications';
import { VerificationCodeService, type CodePolicy } from '#app/verification';
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

/** The two codes of a login-ID change: SMS to the registered phone, email to the new address. */
@Injectable()
export class LoginIdChangeCodesService {
  constructor(
    private readonly codes: VerificationCodeService,
    private readonly notifications: NotificationService,
    private readonly members: MembersRepository,
  ) {}

  async sendIdentityCode(changeId: string, memberId: string, limits: LoginIdChangeLimits): Promise<void> {
    const member = await this.member(memberId);
    const issued = await this.codes.issue(PURPOSE.IDENTITY, changeId, member.mobilePhone, policyFor('IDENTITY', limits));
    await this.deliver('IDENTITY', issued.target, issued.code, issued.codeId, member.language, limits);
  }

  async sendEmailCode(changeId: string, memberId: string, newLoginId: string, limits: LoginIdChangeLimits): Promise<void> {
    const member = await this.member(memberId);
    const issued = await this.codes.issue(PURPOSE.EMAIL, changeId, newLoginId, policyFor('EMAIL', limits));
    await this.deliver('EMAIL', issued.target, issued.code, issued.codeId, member.language, limits);
  }

  async check(changeId: string, step: CodeStep, code: string): Promise<CodeCheck> {
    try {
      await this.codes.verify(PURPOSE[step], changeId, code);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.TOO_MANY_ATTEMPTS || error.code === ErrorCode.VERIFICATION_CODE_EXPIRED) return { ok: false, code: error.code };
      if (error.code === ErrorCode.VERIFICATION_CODE_INVALID) {
        return { ok: false, code: error.code, attemptsRemaining: error.details.attemptsRemaining as number | undefined };
      }
      throw error;
    }
  }

  async resend(changeId: string, memberId: string, step: CodeStep, limits: LoginIdChangeLimits): Promise<ResendOutcome> {
    const member = await this.member(memberId);
    try {
      const issued = await this.codes.resend(PURPOSE[step], changeId, policyFor(step, limits));
      await this.deliver(step, issued.target, issued.code, issued.codeId, member.language, limits);
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

  private async deliver(step: CodeStep, to: string, code: string, codeId: string, language: 'ko' | 'en' | 'ja', limits: LoginIdChangeLimits): Promise<void> {
    const idempotencyKey = `verification:${codeId}`;
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
