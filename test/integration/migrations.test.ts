import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isUniqueViolation, MIGRATIONS } from '../../libs/persistence/src/index.js';
import { APPLICATION_STATUSES } from '../../workflows/required-info-application/application.contract.js';
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

  it('stores every application status in the application and history columns', async () => {
    // The columns must fit the longest status (AWAITING_SECOND_APPROVAL): MySQL refuses a longer value.
    for (const status of APPLICATION_STATUSES) {
      const id = randomUUID();
      const now = new Date();
      await dataSource
        .createQueryBuilder()
        .insert()
        .into('required_info_applications')
        .values({ id, member_id: randomUUID(), status, reason: 'r', overdue: false, submitted_at: now, status_since: now })
        .execute();
      await dataSource
        .createQueryBuilder()
        .insert()
        .into('application_events')
        .values({ id: randomUUID(), application_id: id, occurred_at: now, actor_type: 'SYSTEM', from_status: status, to_status: status, transition_key: id })
        .execute();
    }
    const stored = await dataSource.query(
      'SELECT a.status AS status, e.from_status AS from_status, e.to_status AS to_status FROM required_info_applications a JOIN application_events e ON e.application_id = a.id',
    );
    expect(stored.map((row: { status: string }) => row.status).sort()).toEqual([...APPLICATION_STATUSES].sort());
    for (const row of stored) expect([row.from_status, row.to_status]).toEqual([row.status, row.status]);
    if (process.env.TEST_DB === 'mysql') {
      // Narrowing the columns again would fail halfway (MySQL commits each ALTER): the down step refuses first.
      const widen = MIGRATIONS.findIndex((migration) => migration.name === 'WidenApplicationStatusColumns1764450000300');
      for (let i = MIGRATIONS.length - 1; i > widen; i--) await dataSource.undoLastMigration({ transaction: 'each' });
      await expect(dataSource.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/longer than 20 characters/);
      expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length - 1 - widen);
    }
    // The revert below narrows the columns again, which a long status would not survive.
    await dataSource.query('DELETE FROM application_events');
    await dataSource.query('DELETE FROM required_info_applications');
  });

  it('moves the revert tokens already sent to their own table, so the links in mailboxes still work', async () => {
    expect(MIGRATIONS.at(-1)?.name).toBe('CreateLoginIdChangeRevertTokens1764460000000');
    await dataSource.undoLastMigration({ transaction: 'each' });
    const member = memberRow('moved-token@example.com');
    await dataSource.createQueryBuilder().insert().into('members').values(member).execute();
    const now = new Date();
    const change = {
      change_id: randomUUID(),
      member_id: member.id,
      previous_login_id: 'old@example.com',
      new_login_id: member.login_id,
      committed_at: now,
      expires_at: now,
    };
    await dataSource
      .createQueryBuilder()
      .insert()
      .into('login_id_change_reverts')
      .values({ ...change, token_hash: 'a'.repeat(64) })
      .execute();
    await dataSource.runMigrations({ transaction: 'each' });
    const tokens = await dataSource.query('SELECT token_hash, change_id FROM login_id_change_revert_tokens');
    expect(tokens).toEqual([{ token_hash: 'a'.repeat(64), change_id: change.change_id }]);
    await dataSource.query('DELETE FROM members WHERE id = ?', [member.id]);
    expect(await dataSource.query('SELECT token_hash FROM login_id_change_revert_tokens')).toEqual([]);
  });

  it('reverts every migration with its down step and re-applies them', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.createQueryRunner().hasTable('members')).toBe(false);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.createQueryRunner().hasTable('members')).toBe(true);
  });
});
