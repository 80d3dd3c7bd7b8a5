import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail, type AuditActor } from '#app/audit';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode, isLanguage, type Language } from '#app/core';
import type { Address } from '../address.js';
import { type FieldError, throwIfFieldErrors } from '../field-errors.js';
import { isValidEmail, normaliseLoginId } from '../login-id.js';
import { MemberEntity } from '../member.entity.js';
import { MembersRepository } from '../members.repository.js';
import { toAccountView, type AccountView } from './account-view.js';

/** The basic information a member changes directly; absent fields stay as they are. */
export interface AccountChanges {
  readonly language?: Language;
  /** Replaces the whole address; a missing, null or empty `line2` clears it. */
  readonly address?: Address;
  readonly billingEmail?: string;
  readonly serviceArea?: string;
}

/** The account's basic information as stored (address flattened to its columns). */
type BasicInfo = Pick<MemberEntity, 'language' | 'billingEmail' | 'serviceArea' | 'addressCountry' | 'addressPostalCode' | 'addressLine1' | 'addressLine2'>;

type ChangedField = keyof AccountChanges;

const CHANGEABLE: readonly ChangedField[] = ['language', 'address', 'billingEmail', 'serviceArea'];

// Postal codes: letters, digits, space and hyphen (the DTO applies the same rule over HTTP).
const POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{1,14}$/;
// No control characters in free text.
const PLAIN_TEXT = /^[^\p{Cc}]*$/u;

/**
 * Change basic information (product.md §4): language, address, billing email, service area.
 * Optimistic locking: the caller names the version it saw; one conditional UPDATE decides the race,
 * increments the version and commits with its audit event (ACCOUNT_UPDATED).
 */
@Injectable()
export class UpdateAccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly audit: AuditTrail,
  ) {}

  async update(memberId: string, expectedVersion: number, changes: AccountChanges, actor: AuditActor): Promise<AccountView> {
    const wanted = this.normalise(changes);
    return this.dataSource.transaction(async (manager) => {
      const member = await this.members.findById(memberId, manager);
      if (!member) throw new DomainError(ErrorCode.NOT_FOUND, 'No such member');
      if (member.version !== expectedVersion) throw versionConflict(member.version);

      const changed = CHANGEABLE.filter((field) => wanted[field] !== undefined && !sameValue(field, member, wanted));
      // Nothing differs: no write, no event, the version stays.
      if (changed.length === 0) return toAccountView(member);

      const set: Partial<BasicInfo> = {};
      for (const field of changed) Object.assign(set, columnsOf(field, wanted));
      const updatedAt = new Date();
      // The database decides a race: only the update that still sees the expected version applies.
      const result = await manager
        .createQueryBuilder()
        .update(MemberEntity)
        .set({ ...set, updatedAt, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: memberId, version: expectedVersion })
        .execute();
      if (!result.affected) throw versionConflict();

      await this.audit.record(manager, actor, {
        action: 'ACCOUNT_UPDATED',
        memberId,
        before: Object.fromEntries(changed.map((field) => [field, publicValue(field, member)])),
        after: Object.fromEntries(changed.map((field) => [field, publicValue(field, { ...member, ...set })])),
      });
      return toAccountView(Object.assign(new MemberEntity(), member, set, { updatedAt, version: expectedVersion + 1 }));
    });
  }

  /** Rules the DTO cannot express alone (and a second line of defence for other callers). */
  private normalise(changes: AccountChanges): AccountChanges {
    const errors: FieldError[] = [];
    const given = CHANGEABLE.filter((field) => changes[field] !== undefined);
    if (given.length === 0) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `Give at least one of ${CHANGEABLE.join(', ')}`, {
        errors: [{ field: 'body', rules: ['atLeastOneField'] }],
      });
    }
    const result: { -readonly [K in keyof AccountChanges]: AccountChanges[K] } = {};
    if (changes.language !== undefined) {
      if (isLanguage(changes.language)) result.language = changes.language;
      else errors.push({ field: 'language', rules: ['isIn'] });
    }
    if (changes.serviceArea !== undefined) {
      if (this.config.serviceAreas.includes(changes.serviceArea)) result.serviceArea = changes.serviceArea;
      else errors.push({ field: 'serviceArea', rules: ['isConfiguredServiceArea'] });
    }
    if (changes.billingEmail !== undefined) {
      const email = typeof changes.billingEmail === 'string' ? normaliseLoginId(changes.billingEmail) : '';
      if (isValidEmail(email)) result.billingEmail = email;
      else errors.push({ field: 'billingEmail', rules: ['isEmail'] });
    }
    if (changes.address !== undefined) result.address = normaliseAddress(changes.address, errors);
    throwIfFieldErrors(errors);
    return result;
  }
}

function normaliseAddress(address: Address, errors: FieldError[]): Address {
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const country = text(address.country).toUpperCase();
  const postalCode = text(address.postalCode).toUpperCase();
  const line1 = text(address.line1);
  const line2 = text(address.line2);
  if (!/^[A-Z]{2}$/.test(country)) errors.push({ field: 'address.country', rules: ['isISO31661Alpha2'] });
  if (!POSTAL_CODE.test(postalCode)) errors.push({ field: 'address.postalCode', rules: ['matches'] });
  if (line1 === '' || line1.length > 200 || !PLAIN_TEXT.test(line1)) errors.push({ field: 'address.line1', rules: ['isNotEmpty', 'length', 'matches'] });
  if (line2.length > 200 || !PLAIN_TEXT.test(line2)) errors.push({ field: 'address.line2', rules: ['length', 'matches'] });
  return { country, postalCode, line1, line2: line2 === '' ? null : line2 };
}

function columnsOf(field: ChangedField, changes: AccountChanges): Partial<BasicInfo> {
  switch (field) {
    case 'language':
      return { language: changes.language! };
    case 'billingEmail':
      return { billingEmail: changes.billingEmail! };
    case 'serviceArea':
      return { serviceArea: changes.serviceArea! };
    case 'address': {
      const address = changes.address!;
      return { addressCountry: address.country, addressPostalCode: address.postalCode, addressLine1: address.line1, addressLine2: address.line2 ?? null };
    }
  }
}

function sameValue(field: ChangedField, member: BasicInfo, changes: AccountChanges): boolean {
  const wanted = columnsOf(field, changes) as Record<string, unknown>;
  return Object.entries(wanted).every(([column, value]) => member[column as keyof BasicInfo] === value);
}

/** A field's value as the audit trail keeps it (masked there). */
function publicValue(field: ChangedField, info: BasicInfo): unknown {
  if (field !== 'address') return info[field];
  if (info.addressCountry === null) return null;
  return { country: info.addressCountry, postalCode: info.addressPostalCode, line1: info.addressLine1, line2: info.addressLine2 };
}

function versionConflict(currentVersion?: number): DomainError {
  // The current version is not a secret: the member reads it with GET /me/account anyway.
  return new DomainError(
    ErrorCode.VERSION_CONFLICT,
    'The account changed since you read it: read it again and re-apply your change',
    currentVersion === undefined ? {} : { currentVersion },
  );
}
