import fs from 'node:fs';
import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '#app/config';
import { MIGRATIONS } from './migrations/index.js';

export interface DataSourceExtras {
  /** Entity classes; Nest apps leave this empty and rely on autoLoadEntities. */
  readonly entities?: DataSourceOptions['entities'];
  readonly poolSize?: number;
}

/**
 * The one TypeORM configuration: used by the apps, the migration CLI, the seed and the tests.
 * `mysql://` uses mysql2; `sqlite:<file>` uses better-sqlite3 in WAL mode so the API, admin app
 * and worker can share one file.
 */
export function dataSourceOptions(database: DatabaseConfig, extras: DataSourceExtras = {}): DataSourceOptions {
  const common = {
    entities: extras.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  } as const;
  if (database.type === 'sqlite') {
    if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      enableWAL: true,
      timeout: 10_000,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: 5_000,
    extra: { connectionLimit: extras.poolSize ?? 20, enableKeepAlive: true },
  };
}
