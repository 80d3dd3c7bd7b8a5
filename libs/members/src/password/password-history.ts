/** How many of the most recent passwords, the current one included, cannot be reused. */
export const PASSWORD_HISTORY_SIZE = 3;

/**
 * Whether `newPassword` matches one of the most recent password hashes (newest first, the
 * current password's hash first). Only the first `limit` hashes are compared, one at a time,
 * stopping at the first match: each comparison is a deliberately slow hash.
 * `compare` is the hashing library's check, e.g. `bcrypt.compare`.
 */
export async function isRecentlyUsed(
  newPassword: string,
  recentHashes: readonly string[],
  compare: (plain: string, hash: string) => Promise<boolean>,
  limit: number = PASSWORD_HISTORY_SIZE,
): Promise<boolean> {
  for (const hash of recentHashes.slice(0, Math.max(0, limit))) {
    if (await compare(newPassword, hash)) return true;
  }
  return false;
}

/**
 * The history to store after a password change: `newHash` first, then the previous hashes
 * (newest first), trimmed to `keep` entries.
 */
export function rememberHash(previous: readonly string[], newHash: string, keep = PASSWORD_HISTORY_SIZE): string[] {
  return [newHash, ...previous].slice(0, Math.max(0, keep));
}
