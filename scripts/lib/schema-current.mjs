// Whether every migration in dist/ is already recorded in an embedded SQLite database, read without
// starting TypeORM: quickstart's restart then skips `migrate` (a Node + TypeORM start of its own,
// about a second of CPU on the way to the apps starting; quality.md P7).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The migration names compiled into `migrationsDir` (each file's `name = '…'`). Undefined when a
 * file has none: then nothing can be told and the caller migrates. Leftover files of migrations
 * removed from the source only make this stricter (their names are never recorded).
 */
export function compiledMigrationNames(migrationsDir) {
  const files = fs.readdirSync(migrationsDir).filter((file) => /^\d+-[\w-]+\.js$/.test(file));
  const names = files.map((file) => /\bname = '([^']+)';/.exec(fs.readFileSync(path.join(migrationsDir, file), 'utf8'))?.[1]);
  return files.length > 0 && names.every(Boolean) ? names : undefined;
}

/** True only when the database file exists and its schema_migrations lists every compiled migration; any doubt is false. */
export function schemaCurrent(databaseFile, migrationsDir) {
  try {
    if (!fs.existsSync(databaseFile)) return false;
    const names = compiledMigrationNames(migrationsDir);
    if (!names) return false;
    const Database = require('better-sqlite3');
    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      const applied = new Set(
        db
          .prepare('SELECT name FROM schema_migrations')
          .all()
          .map((row) => row.name),
      );
      return names.every((name) => applied.has(name));
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
