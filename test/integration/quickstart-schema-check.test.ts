// quickstart skips `migrate` on a restart when the embedded SQLite database already records every
// compiled migration (scripts/lib/schema-current.mjs); any gap or doubt must run the migrations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../../libs/persistence/src/index.js';
import { compiledMigrationNames, schemaCurrent } from '../../scripts/lib/schema-current.mjs';
import { openMigrated } from '../support/migrated-data-source.js';

// What quickstart reads: the build's migrations (`npm run build` first, as for every stack tier).
const DIST_MIGRATIONS = path.resolve('dist/libs/persistence/src/migrations');

describe('quickstart schema check (embedded SQLite)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mac-schema-check-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the same migration names from the build as the application runs', () => {
    expect([...(compiledMigrationNames(DIST_MIGRATIONS) ?? [])].sort()).toEqual(MIGRATIONS.map((migration) => migration.name).sort());
  });

  it('is current only while every migration is recorded', async () => {
    const file = path.join(dir, 'app.sqlite');
    expect(schemaCurrent(file, DIST_MIGRATIONS)).toBe(false);
    const dataSource = await openMigrated(`sqlite:${file}`);
    try {
      expect(schemaCurrent(file, DIST_MIGRATIONS)).toBe(true);
      await dataSource.query('DELETE FROM schema_migrations WHERE name = ?', [MIGRATIONS[MIGRATIONS.length - 1].name]);
      expect(schemaCurrent(file, DIST_MIGRATIONS)).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  it('migrates when it cannot tell: an empty database, or a migration file without a name', async () => {
    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    expect(schemaCurrent(empty, DIST_MIGRATIONS)).toBe(false);
    const file = path.join(dir, 'app.sqlite');
    await (await openMigrated(`sqlite:${file}`)).destroy();
    const odd = path.join(dir, 'migrations');
    fs.cpSync(DIST_MIGRATIONS, odd, { recursive: true });
    fs.writeFileSync(path.join(odd, '1999999999999-Unnamed.js'), 'export class Unnamed {}\n');
    expect(schemaCurrent(file, odd)).toBe(false);
    expect(schemaCurrent(file, DIST_MIGRATIONS)).toBe(true);
  });
});
