import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { serialiseSqliteAccess } from '../../libs/persistence/src/index.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function member(loginId: string) {
  const now = new Date();
  return {
    id: randomUUID(),
    login_id: loginId,
    password_hash: 'x',
    member_type: 'PERSONAL',
    name: 'N',
    mobile_phone: '+821012345678',
    language: 'en',
    service_area: 'KR',
    billing_email: loginId,
    created_at: now,
    updated_at: now,
  };
}

describe(`concurrent transactions on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('serialisation');
    dataSource = serialiseSqliteAccess(await openMigrated(database.url));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const count = async (loginId: string) => Number((await dataSource.query('SELECT COUNT(*) AS n FROM members WHERE login_id = ?', [loginId]))[0].n);

  it("never lets one request's rollback undo another's writes", async () => {
    const failing = dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into('members').values(member('rolled-back@example.com')).execute();
      await sleep(50);
      throw new Error('this transaction fails');
    });
    await sleep(5);
    const committing = dataSource.transaction(async (manager) => {
      await manager.createQueryBuilder().insert().into('members').values(member('committed@example.com')).execute();
    });
    const plain = dataSource.createQueryBuilder().insert().into('members').values(member('plain@example.com')).execute();
    await expect(failing).rejects.toThrow('this transaction fails');
    await committing;
    await plain;
    expect(await count('rolled-back@example.com')).toBe(0);
    expect(await count('committed@example.com')).toBe(1);
    expect(await count('plain@example.com')).toBe(1);
  });

  it('lets a transaction nest another one of its own without waiting for itself', async () => {
    await dataSource.transaction(async () => {
      await dataSource.transaction(async (inner) => {
        await inner.createQueryBuilder().insert().into('members').values(member('nested@example.com')).execute();
      });
    });
    expect(await count('nested@example.com')).toBe(1);
  });
});
