import type { FieldError } from '../field-errors.js';

/**
 * Account fields that the basic-information update never changes, each with the process that
 * does (product.md §2–5). The rule names tell a client where to go instead.
 */
export const ACCOUNT_FIELD_PROCESSES = {
  memberType: 'useRequiredInfoApplication',
  name: 'useRequiredInfoApplication',
  businessName: 'useRequiredInfoApplication',
  businessRegistrationNumber: 'useRequiredInfoApplication',
  loginId: 'useLoginIdChange',
  mobilePhone: 'useMobilePhoneChange',
  password: 'usePasswordChange',
  currentPassword: 'usePasswordChange',
  newPassword: 'usePasswordChange',
} as const;

export type AccountFieldProcess = (typeof ACCOUNT_FIELD_PROCESSES)[keyof typeof ACCOUNT_FIELD_PROCESSES];

/** The fields of `body` that belong to another process, one error each (in the order given). */
export function fieldsOfOtherProcesses(body: unknown): FieldError[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.keys(body)
    .filter((field): field is keyof typeof ACCOUNT_FIELD_PROCESSES => Object.hasOwn(ACCOUNT_FIELD_PROCESSES, field))
    .map((field) => ({ field, rules: [ACCOUNT_FIELD_PROCESSES[field]] }));
}
