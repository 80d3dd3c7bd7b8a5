// The demo seed's claim (scripts/seed-demo.ts, run by quickstart): idempotent, so a quickstart killed
// mid-seed and started again ends with each demo account once. The seed runs as its own process from
// dist/, killed (SIGKILL) between its two accounts, then run again, twice.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openMigrated } from '../support/migrated-data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const SEED = path.resolve('dist/scripts/seed-demo.js');
const MEMBER = 'demo.member@example.com';
const REVIEWER = 'demo.reviewer@example.com';

describe(`demo seed on ${process.env.TEST_DB ?? 'sqlite'}: killed between its two accounts, then run again`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let cwd: string;

  beforeAll(async () => {
    database = await createTestDatabase('seed-demo');
    dataSource = await openMigrated(database.url);
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-demo-'));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  const seed = (extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [SEED], { cwd, encoding: 'utf8', env: { ...process.env, DATABASE_URL: database.url, ...extra }, timeout: 60_000 });
  const count = async (sql: string, value: string) => Number((await dataSource.query(sql, [value]))[0].n);
  const accounts = async () => ({
    members: await count('SELECT COUNT(*) AS n FROM members WHERE login_id = ?', MEMBER),
    reviewers: await count('SELECT COUNT(*) AS n FROM reviewers WHERE email = ?', REVIEWER),
    credentials: fs.existsSync(path.join(cwd, 'var', 'demo-accounts.txt')),
  });

  it('ends with each demo account once, and the credentials written, however often it runs', async () => {
    const killed = seed({ SEED_DEMO_DIE_AFTER: 'member' });
    expect(killed.signal).toBe('SIGKILL');
    // What the crash left: the member, no reviewer, no credentials (so quickstart seeds again).
    expect(await accounts()).toEqual({ members: 1, reviewers: 0, credentials: false });

    for (let run = 1; run <= 2; run++) {
      const again = seed();
      expect({ run, status: again.status, stderr: again.stderr }).toEqual({ run, status: 0, stderr: '' });
      expect(await accounts()).toEqual({ members: 1, reviewers: 1, credentials: true });
    }
    expect(fs.readFileSync(path.join(cwd, 'var', 'demo-accounts.txt'), 'utf8')).toContain(REVIEWER);
  }, 180_000);
});
