import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { MemberEntity } from '#app/members';
import { LoginIdChangeRevertEntity } from './login-id-change-revert.entity.js';

/**
 * Cooling-off (product.md §3), so that the SMS factor means something: no login-ID change starts
 * within LOGIN_ID_COOLING_OFF_AFTER_PHONE_CHANGE_SECONDS of a mobile-number change
 * (members.mobile_phone_changed_at), nor within LOGIN_ID_COOLING_OFF_AFTER_CHANGE_SECONDS of
 * another completed change (its revert record; a reverted change does not count).
 */
@Injectable()
export class LoginIdChangeCoolingOff {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  /** When the member may start a login-ID change, or null when they may now. */
  async availableAt(memberId: string, now = new Date()): Promise<Date | null> {
    const { afterPhoneChangeSeconds, afterChangeSeconds } = this.config.loginIdCoolingOff;
    const member = await this.dataSource.manager.findOneBy(MemberEntity, { id: memberId });
    const [lastChange] = await this.dataSource.manager.find(LoginIdChangeRevertEntity, {
      where: { memberId, revertedAt: IsNull() },
      order: { committedAt: 'DESC' },
      take: 1,
    });
    const ends = [
      member?.mobilePhoneChangedAt ? member.mobilePhoneChangedAt.getTime() + afterPhoneChangeSeconds * 1_000 : 0,
      lastChange ? lastChange.committedAt.getTime() + afterChangeSeconds * 1_000 : 0,
    ];
    const end = Math.max(...ends);
    return end > now.getTime() ? new Date(end) : null;
  }

  /** CHANGE_COOLING_OFF (availableAt, retryAfterSeconds) inside a cooling-off period; the refusal is audited. */
  async assertMayStart(memberId: string, actor: AuditActor): Promise<void> {
    const now = new Date();
    const availableAt = await this.availableAt(memberId, now);
    if (!availableAt) return;
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { action: 'LOGIN_ID_CHANGE_REFUSED_COOLING_OFF', memberId, after: { availableAt: availableAt.toISOString() } }),
    );
    throw new DomainError(ErrorCode.CHANGE_COOLING_OFF, 'The login ID cannot be changed yet: it changed, or the mobile phone number changed, too recently', {
      availableAt: availableAt.toISOString(),
      retryAfterSeconds: Math.ceil((availableAt.getTime() - now.getTime()) / 1_000),
    });
  }
}
