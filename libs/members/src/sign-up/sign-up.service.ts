import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, type Language } from '#app/core';
import type { Address } from '../address.js';
import { isValidBusinessRegistrationNumber, normaliseBusinessRegistrationNumber } from '../business-registration-number.js';
import { type FieldError, throwIfFieldErrors } from '../field-errors.js';
import { normaliseLoginId } from '../login-id.js';
import { MemberEntity } from '../member.entity.js';
import { isBusinessType, type MemberType } from '../member-type.js';
import { LoginIdReservations } from '../login-id-reservations/login-id-reservations.js';
import { MembersRepository } from '../members.repository.js';
import { toE164Mobile } from '../mobile-phone.js';
import { PasswordHasher } from '../password/password-hasher.js';
import { assertPasswordPolicy } from '../password/password-policy.js';

export interface SignUpCommand {
  readonly loginId: string;
  readonly password: string;
  readonly name: string;
  readonly memberType: MemberType;
  readonly mobilePhone: string;
  readonly language: Language;
  readonly serviceArea: string;
  readonly billingEmail: string;
  readonly address?: Address;
  readonly businessName?: string;
  readonly businessRegistrationNumber?: string;
}

@Injectable()
export class SignUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly reservations: LoginIdReservations,
  ) {}

  async signUp(command: SignUpCommand, actor: AuditActor): Promise<{ id: string; loginId: string }> {
    const loginId = normaliseLoginId(command.loginId);
    const mobilePhone = this.validate(command);
    assertPasswordPolicy(command.password, { profile: this.config.passwordPolicy, loginId });
    const business = isBusinessType(command.memberType);
    const now = new Date();
    const member = Object.assign(new MemberEntity(), {
      id: randomUUID(),
      loginId,
      passwordHash: await this.hasher.hash(command.password),
      memberType: command.memberType,
      name: command.name.trim(),
      businessName: business ? command.businessName!.trim() : null,
      businessRegistrationNumber: business ? normaliseBusinessRegistrationNumber(command.businessRegistrationNumber!) : null,
      mobilePhone,
      language: command.language,
      serviceArea: command.serviceArea,
      billingEmail: normaliseLoginId(command.billingEmail),
      addressCountry: command.address?.country ?? null,
      addressPostalCode: command.address?.postalCode ?? null,
      addressLine1: command.address?.line1 ?? null,
      addressLine2: command.address?.line2 ?? null,
      failedPasswordAttempts: 0,
      lockedUntil: null,
      passwordResetRequired: false,
      mobilePhoneChangedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      await this.members.insert(member, manager);
      // Checked after the insert, inside its transaction: a reservation committed meanwhile is seen.
      if (await this.reservations.isReservedForSomeoneElse(loginId, member.id, manager)) {
        throw new DomainError(ErrorCode.LOGIN_ID_TAKEN, 'This login ID is already in use');
      }
      const { passwordHash: _secret, ...after } = member;
      await this.audit.record(manager, { ...actor, id: actor.id ?? member.id }, { action: 'MEMBER_SIGNED_UP', memberId: member.id, after });
    });
    return { id: member.id, loginId };
  }

  /** Rules the DTO cannot express alone; returns the E.164 mobile number. */
  private validate(command: SignUpCommand): string {
    const errors: FieldError[] = [];
    const mobilePhone = toE164Mobile(command.mobilePhone);
    if (!mobilePhone) errors.push({ field: 'mobilePhone', rules: ['isMobilePhone'] });
    if (!this.config.serviceAreas.includes(command.serviceArea)) errors.push({ field: 'serviceArea', rules: ['isConfiguredServiceArea'] });
    if (isBusinessType(command.memberType)) {
      if (!command.businessName?.trim()) errors.push({ field: 'businessName', rules: ['requiredForBusinessMembers'] });
      if (!command.businessRegistrationNumber) errors.push({ field: 'businessRegistrationNumber', rules: ['requiredForBusinessMembers'] });
    } else {
      if (command.businessName !== undefined) errors.push({ field: 'businessName', rules: ['onlyForBusinessMembers'] });
      if (command.businessRegistrationNumber !== undefined) errors.push({ field: 'businessRegistrationNumber', rules: ['onlyForBusinessMembers'] });
    }
    throwIfFieldErrors(errors);
    if (isBusinessType(command.memberType) && !isValidBusinessRegistrationNumber(command.businessRegistrationNumber!)) {
      throw new DomainError(ErrorCode.INVALID_BUSINESS_REGISTRATION_NUMBER, 'The business registration number is not valid (10 digits with a check digit)');
    }
    return mobilePhone!;
  }
}
