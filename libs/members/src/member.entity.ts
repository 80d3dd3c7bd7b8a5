import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language } from '#app/core';
import type { MemberType } from './member-type.js';

@Entity('members')
export class MemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The login ID: an email address, stored normalised (trimmed, lower case); unique. */
  @Column({ name: 'login_id', type: 'varchar', length: 254 })
  loginId!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ name: 'member_type', type: 'varchar', length: 32 })
  memberType!: MemberType;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'business_name', type: 'varchar', length: 200, nullable: true })
  businessName!: string | null;

  @Column({ name: 'business_registration_number', type: 'varchar', length: 10, nullable: true })
  businessRegistrationNumber!: string | null;

  /** E.164, e.g. +821012345678. */
  @Column({ name: 'mobile_phone', type: 'varchar', length: 20 })
  mobilePhone!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: Language;

  @Column({ name: 'service_area', type: 'varchar', length: 32 })
  serviceArea!: string;

  @Column({ name: 'billing_email', type: 'varchar', length: 254 })
  billingEmail!: string;

  @Column({ name: 'address_country', type: 'varchar', length: 2, nullable: true })
  addressCountry!: string | null;

  @Column({ name: 'address_postal_code', type: 'varchar', length: 16, nullable: true })
  addressPostalCode!: string | null;

  @Column({ name: 'address_line1', type: 'varchar', length: 200, nullable: true })
  addressLine1!: string | null;

  @Column({ name: 'address_line2', type: 'varchar', length: 200, nullable: true })
  addressLine2!: string | null;

  /** Consecutive wrong passwords (login and re-authentication together); reset by a correct one. */
  @Column({ name: 'failed_password_attempts', type: 'int', default: 0 })
  failedPasswordAttempts!: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  /** Set when a reverted login-ID change voided the password: sign-in waits for a reset. */
  @Column({ name: 'password_reset_required', type: 'boolean', default: false })
  passwordResetRequired!: boolean;

  /** When the mobile phone number last changed; a login-ID change cools off after it. */
  @Column({ name: 'mobile_phone_changed_at', type: 'datetime', precision: 3, nullable: true })
  mobilePhoneChangedAt!: Date | null;

  /** Optimistic-lock version: every change to the member's data increments it. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
