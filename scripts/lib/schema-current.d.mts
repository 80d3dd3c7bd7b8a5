/** The migration names compiled into `migrationsDir`; undefined when a file has none. */
export function compiledMigrationNames(migrationsDir: string): string[] | undefined;
/** True only when the SQLite file's schema_migrations lists every compiled migration. */
export function schemaCurrent(databaseFile: string, migrationsDir: string): boolean;
