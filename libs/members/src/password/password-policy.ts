import { DomainError, ErrorCode } from '#app/core';
import { normaliseLoginId } from '../login-id.js';
import { isCommonPassword } from './common-passwords.js';

/**
 * `portal`: the portal help page's rule (8–16 characters, English letters + digits + special
 * characters, printable ASCII, no spaces). `nist`: NIST SP 800-63B-4 / OWASP ASVS 5.0
 * (15–64 characters, no composition rule, any Unicode).
 */
export type PasswordPolicyProfile = 'portal' | 'nist';

export const PASSWORD_POLICY_PROFILES: readonly PasswordPolicyProfile[] = ['portal', 'nist'];

export const DEFAULT_PASSWORD_POLICY_PROFILE: PasswordPolicyProfile = 'portal';

/** Narrows a configuration value to a known profile. */
export function isPasswordPolicyProfile(value: unknown): value is PasswordPolicyProfile {
  return typeof value === 'string' && (PASSWORD_POLICY_PROFILES as readonly string[]).includes(value);
}

/** Stable codes of the password rules, reported in `PASSWORD_POLICY_VIOLATION` details. */
export const PasswordRule = {
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  MISSING_LETTER: 'MISSING_LETTER',
  MISSING_DIGIT: 'MISSING_DIGIT',
  MISSING_SPECIAL: 'MISSING_SPECIAL',
  NON_ASCII: 'NON_ASCII',
  CONTAINS_SPACE: 'CONTAINS_SPACE',
  COMMON_PASSWORD: 'COMMON_PASSWORD',
  CONTAINS_LOGIN_ID: 'CONTAINS_LOGIN_ID',
} as const;

export type PasswordRule = (typeof PasswordRule)[keyof typeof PasswordRule];

/** One broken rule. The message is fixed per rule and profile: it never echoes the password. */
export interface PasswordViolation {
  readonly rule: PasswordRule;
  readonly message: string;
}

export interface PasswordPolicyContext {
  readonly profile: PasswordPolicyProfile;
  /** The member's login ID (email); its local part must not appear in the password. */
  readonly loginId?: string;
}

/** Local parts shorter than this are not checked: refusing every password containing "jo" would be absurd. */
export const MIN_CHECKED_LOGIN_ID_LOCAL_PART_LENGTH = 3;

interface ProfileRules {
  readonly minLength: number;
  readonly maxLength: number;
  /** English letter, digit and special character all required. */
  readonly requireAllClasses: boolean;
  /** Printable ASCII only, space excluded. */
  readonly printableAsciiOnly: boolean;
  /** NFKC folds look-alike forms (full-width letters, ligatures) before any check. */
  readonly normalise: boolean;
}

const PROFILE_RULES: Readonly<Record<PasswordPolicyProfile, ProfileRules>> = {
  portal: { minLength: 8, maxLength: 16, requireAllClasses: true, printableAsciiOnly: true, normalise: false },
  nist: { minLength: 15, maxLength: 64, requireAllClasses: false, printableAsciiOnly: false, normalise: true },
};

const ENGLISH_LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;
// Printable ASCII punctuation and symbols: ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~
const SPECIAL = /[!-/:-@[-`{-~]/;
const OUTSIDE_PRINTABLE_ASCII = /[^\x20-\x7E]/u;
const WHITESPACE = /\s/u;

/**
 * The password as the given profile checks it. `nist` checks the NFKC form, so a caller
 * hashing passwords under that profile should hash this same form.
 */
export function normalisePassword(password: string, profile: PasswordPolicyProfile): string {
  return rulesOf(profile).normalise ? password.normalize('NFKC') : password;
}

/**
 * Every rule of the profile that `password` breaks, in a stable order; `[]` when it is acceptable.
 * Lengths count Unicode code points, not UTF-16 units.
 */
export function passwordViolations(password: string, context: PasswordPolicyContext): PasswordViolation[] {
  const rules = rulesOf(context.profile);
  const candidate = normalisePassword(password, context.profile);
  const length = [...candidate].length;
  const broken: PasswordRule[] = [];

  if (length < rules.minLength) broken.push(PasswordRule.TOO_SHORT);
  if (length > rules.maxLength) broken.push(PasswordRule.TOO_LONG);
  if (rules.requireAllClasses) {
    if (!ENGLISH_LETTER.test(candidate)) broken.push(PasswordRule.MISSING_LETTER);
    if (!DIGIT.test(candidate)) broken.push(PasswordRule.MISSING_DIGIT);
    if (!SPECIAL.test(candidate)) broken.push(PasswordRule.MISSING_SPECIAL);
  }
  if (rules.printableAsciiOnly) {
    // A space is printable ASCII but has its own rule; tabs, line breaks and non-ASCII spaces count as both.
    if (OUTSIDE_PRINTABLE_ASCII.test(candidate)) broken.push(PasswordRule.NON_ASCII);
    if (WHITESPACE.test(candidate)) broken.push(PasswordRule.CONTAINS_SPACE);
  }
  if (isCommonPassword(candidate)) broken.push(PasswordRule.COMMON_PASSWORD);
  if (containsLoginIdLocalPart(candidate, context)) broken.push(PasswordRule.CONTAINS_LOGIN_ID);

  return broken.map((rule) => ({ rule, message: violationMessage(rule, rules) }));
}

/**
 * Throws `PASSWORD_POLICY_VIOLATION` with `details.violations` (every broken rule) unless
 * `password` satisfies the profile.
 */
export function assertPasswordPolicy(password: string, context: PasswordPolicyContext): void {
  const violations = passwordViolations(password, context);
  if (violations.length > 0) {
    throw new DomainError(ErrorCode.PASSWORD_POLICY_VIOLATION, 'The password does not meet the policy', { violations });
  }
}

/** One-sentence description of the profile, for API documentation and forms. */
export function describePasswordPolicy(profile: PasswordPolicyProfile = DEFAULT_PASSWORD_POLICY_PROFILE): string {
  const rules = rulesOf(profile);
  const characters = rules.requireAllClasses
    ? 'combining English letters, digits and special characters; printable ASCII only, no spaces'
    : 'any characters, including spaces and non-English letters';
  return (
    `${rules.minLength} to ${rules.maxLength} characters, ${characters}. ` +
    'It must not be a commonly used password nor contain the part of your login ID before the @.'
  );
}

function rulesOf(profile: PasswordPolicyProfile): ProfileRules {
  const rules = PROFILE_RULES[profile] as ProfileRules | undefined;
  // Reaching this means unvalidated configuration: a programming error, not a member's mistake.
  if (!rules) throw new TypeError(`Unknown password policy profile: ${String(profile)}`);
  return rules;
}

function containsLoginIdLocalPart(candidate: string, context: PasswordPolicyContext): boolean {
  if (!context.loginId) return false;
  const loginId = normaliseLoginId(context.loginId);
  const at = loginId.lastIndexOf('@');
  const raw = at === -1 ? loginId : loginId.slice(0, at);
  const localPart = normalisePassword(raw, context.profile).toLowerCase();
  if ([...localPart].length < MIN_CHECKED_LOGIN_ID_LOCAL_PART_LENGTH) return false;
  return candidate.toLowerCase().includes(localPart);
}

function violationMessage(rule: PasswordRule, rules: ProfileRules): string {
  switch (rule) {
    case PasswordRule.TOO_SHORT:
      return `The password must be at least ${rules.minLength} characters long.`;
    case PasswordRule.TOO_LONG:
      return `The password must be at most ${rules.maxLength} characters long.`;
    case PasswordRule.MISSING_LETTER:
      return 'The password must contain at least one English letter (A-Z or a-z).';
    case PasswordRule.MISSING_DIGIT:
      return 'The password must contain at least one digit (0-9).';
    case PasswordRule.MISSING_SPECIAL:
      return 'The password must contain at least one special character, such as ! # $ % or @.';
    case PasswordRule.NON_ASCII:
      return 'The password may contain only English letters, digits and printable ASCII special characters.';
    case PasswordRule.CONTAINS_SPACE:
      return 'The password must not contain spaces.';
    case PasswordRule.COMMON_PASSWORD:
      return 'The password is too common and easy to guess; choose another one.';
    case PasswordRule.CONTAINS_LOGIN_ID:
      return 'The password must not contain your login ID (the part of your email address before the @).';
  }
}
