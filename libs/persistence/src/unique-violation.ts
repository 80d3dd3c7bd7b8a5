/**
 * True when a write failed on a unique index: MySQL/MariaDB errno 1062 (ER_DUP_ENTRY) or
 * SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY. Callers map it to their feature's conflict code.
 */
export function isUniqueViolation(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some((candidate) => {
    if (typeof candidate !== 'object' || candidate === null) return false;
    const { code, errno } = candidate as { code?: unknown; errno?: unknown };
    return errno === 1062 || code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  });
}
