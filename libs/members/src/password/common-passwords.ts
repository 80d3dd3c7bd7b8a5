import { createRequire } from 'node:module';

// The package's list is already lower-case (~49k entries). The package (all its dictionaries,
// ~9 MB of heap) is loaded and the Set built on first use, so that processes that never check a
// password do not pay for it (quality.md P6).
const require = createRequire(import.meta.url);
let commonPasswords: ReadonlySet<string> | undefined;

function commonPasswordSet(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    (require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common')).dictionary['passwords-common'].map((entry) => entry.toLowerCase()),
  );
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
