// Runs (or with --revert, undoes the last of) the TypeORM migrations on DATABASE_URL.
import { DataSource } from 'typeorm';
import { loadConfig } from '#app/config';
import { dataSourceOptions } from '#app/persistence';

const config = loadConfig();
const dataSource = new DataSource(dataSourceOptions(config.database));
await dataSource.initialize();
try {
  if (process.argv.includes('--revert')) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    console.log('Reverted the last migration.');
  } else {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Schema is up to date.');
  }
} finally {
  await dataSource.destroy();
}
