import { dictionary } from '@zxcvbn-ts/language-common';

// The package's list is already lower-case (~49k entries); the Set is built on first use
// so that processes that never check a password do not pay for it.
let commonPasswords: ReadonlySet<string> | undefined;

function commonPasswordSet(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return commonPasswords;
}

/**
 * Whether `password` is, ignoring case, one of the commonly used passwords listed by
 * `@zxcvbn-ts/language-common`. Whole-value match only: a common word inside a longer
 * password is not refused here. Callers normalise the password first if their profile does.
 */
export function isCommonPassword(password: string): boolean {
  return commonPasswordSet().has(password.toLowerCase());
}

/** Number of distinct entries in the common-password list (for tests and diagnostics). */
export function commonPasswordCount(): number {
  return commonPasswordSet().size;
}
