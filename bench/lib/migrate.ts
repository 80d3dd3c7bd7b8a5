import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '#app/config';
import { dataSourceOptions } from '#app/persistence';

/** Brings a bench's throwaway database to the current schema with the real migrations, then lets it go. */
export async function migrate(database: DatabaseConfig): Promise<void> {
  const migrator = new DataSource(dataSourceOptions(database));
  await migrator.initialize();
  try {
    await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await migrator.destroy();
  }
}
