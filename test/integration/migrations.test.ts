import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isUniqueViolation, MIGRATIONS } from '../../libs/persistence/src/index.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

function memberRow(loginId: string) {
  const now = new Date();
  return {
    id: randomUUID(),
    login_id: loginId,
    password_hash: '$2b$04$abcdefghijklmnopqrstuv',
    member_type: 'PERSONAL',
    name: 'Test Member',
    mobile_phone: '+821012345678',
    language: 'en',
    service_area: 'KR',
    billing_email: loginId,
    created_at: now,
    updated_at: now,
  };
}

describe(`migrations on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('migrations');
    dataSource = await openMigrated(database.url);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('applies every migration once and records it', async () => {
    const applied = await dataSource.query('SELECT name FROM schema_migrations ORDER BY id');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await dataSource.runMigrations()).toEqual([]);
  });

  it('lets the unique login-ID index decide, recognised as a unique violation', async () => {
    const members = dataSource.createQueryBuilder().insert().into('members');
    await members.values(memberRow('same@example.com')).execute();
    const second = dataSource.createQueryBuilder().insert().into('members').values(memberRow('same@example.com')).execute();
    const error = await second.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(isUniqueViolation(error)).toBe(true);
    const [{ count }] = await dataSource.query(`SELECT COUNT(*) AS count FROM members WHERE login_id = 'same@example.com'`);
    expect(Number(count)).toBe(1);
  });

  it('reverts every migration with its down step and re-applies them', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.createQueryRunner().hasTable('members')).toBe(false);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.createQueryRunner().hasTable('members')).toBe(true);
  });
});
