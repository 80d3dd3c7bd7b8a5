import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../libs/config/src/index.js';
import { dataSourceOptions } from '../../libs/persistence/src/index.js';

/** Opens a data source on a test database and runs every migration. */
export async function openMigrated(url: string, entities: Function[] = []): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(url), { entities, poolSize: 5 }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
