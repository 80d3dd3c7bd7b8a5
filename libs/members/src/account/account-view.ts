import type { Language } from '#app/core';
import { maskBusinessRegistrationNumber } from '../business-registration-number.js';
import type { MemberEntity } from '../member.entity.js';
import type { MemberType } from '../member-type.js';

/** The "Manage account" page: what a member sees of their own account. */
export interface AccountView {
  readonly id: string;
  readonly memberType: MemberType;
  readonly loginId: string;
  readonly name: string;
  readonly businessName: string | null;
  /** Masked: only the last four digits are shown. */
  readonly businessRegistrationNumber: string | null;
  readonly language: Language;
  readonly address: { country: string; postalCode: string; line1: string; line2: string | null } | null;
  readonly mobilePhone: string;
  readonly billingEmail: string;
  readonly serviceArea: string;
  readonly version: number;
}

export type AccountViewSource = Pick<
  MemberEntity,
  | 'id'
  | 'memberType'
  | 'loginId'
  | 'name'
  | 'businessName'
  | 'businessRegistrationNumber'
  | 'language'
  | 'addressCountry'
  | 'addressPostalCode'
  | 'addressLine1'
  | 'addressLine2'
  | 'mobilePhone'
  | 'billingEmail'
  | 'serviceArea'
  | 'version'
>;

export function toAccountView(member: AccountViewSource): AccountView {
  return {
    id: member.id,
    memberType: member.memberType,
    loginId: member.loginId,
    name: member.name,
    businessName: member.businessName,
    businessRegistrationNumber: maskBusinessRegistrationNumber(member.businessRegistrationNumber),
    language: member.language,
    address:
      member.addressCountry && member.addressPostalCode && member.addressLine1
        ? { country: member.addressCountry, postalCode: member.addressPostalCode, line1: member.addressLine1, line2: member.addressLine2 }
        : null,
    mobilePhone: member.mobilePhone,
    billingEmail: member.billingEmail,
    serviceArea: member.serviceArea,
    version: member.version,
  };
}
