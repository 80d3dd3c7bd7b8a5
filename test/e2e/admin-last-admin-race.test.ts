// Issue 14: "an admin cannot disable or demote the last admin". An admin cannot change themself,
// so the only way to lose the last admin is a race: two admins demoting each other at the same
// moment. The change locks both accounts and re-reads the actor, so the two requests take turns:
// one succeeds, the other finds its own account demoted and is refused with FORBIDDEN, and one
// enabled admin is left. The admin count is global, so this suite has a database of its own in
// which these two are the only admins.
import { execFileSync } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { uniqueEmail } from '../support/factories.js';
import { createReviewerWithCommand } from '../support/reviewer-client.js';
import { listenOnLoopback, startAdmin } from '../support/stack.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const ROUNDS = 5;

interface Admin {
  readonly id: string;
  readonly token: string;
}

describe(`two admins demoting each other at once (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let database: TestDatabase;
  let admin: INestApplication;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase('last_admin');
    execFileSync(process.execPath, ['dist/scripts/migrate.js'], { env: { ...process.env, DATABASE_URL: database.url }, stdio: 'ignore' });
    admin = await startAdmin({ DATABASE_URL: database.url });
    base = await listenOnLoopback(admin);
  });
  afterAll(async () => {
    await admin?.close();
    await database?.drop();
  });

  async function newAdmin(): Promise<Admin> {
    const { email, password } = createReviewerWithCommand('ADMIN', uniqueEmail('race-admin'), { DATABASE_URL: database.url });
    const res = await request(base).post('/admin/api/v1/auth/login').send({ email, password }).expect(200);
    return { id: res.body.reviewer.id, token: res.body.accessToken };
  }

  const demote = (actor: Admin, target: Admin) =>
    request(base).patch(`/admin/api/v1/reviewers/${target.id}`).auth(actor.token, { type: 'bearer' }).send({ role: 'REVIEWER' });

  async function enabledAdmins(as: Admin): Promise<string[]> {
    const list = await request(base).get('/admin/api/v1/reviewers').auth(as.token, { type: 'bearer' }).expect(200);
    const accounts = list.body as Array<{ id: string; role: string; disabled: boolean }>;
    return accounts.filter((account) => account.role === 'ADMIN' && !account.disabled).map((account) => account.id);
  }

  it(`exactly one of the two demotions wins, the other is FORBIDDEN, and an admin is left (${ROUNDS} rounds)`, async () => {
    // Each round starts with exactly two enabled admins: the last round's winner and a new one.
    let survivor = await newAdmin();
    for (let round = 0; round < ROUNDS; round += 1) {
      const other = await newAdmin();
      expect((await enabledAdmins(survivor)).sort()).toEqual([survivor.id, other.id].sort());

      const [first, second] = await Promise.all([demote(survivor, other), demote(other, survivor)]);
      const outcomes = [first, second];
      const won = outcomes.filter((res) => res.status === 200);
      const lost = outcomes.filter((res) => res.status !== 200);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].status).toBe(403);
      expect(lost[0].headers['content-type']).toMatch(/application\/problem\+json/);
      expect(lost[0].body.code).toBe('FORBIDDEN');

      const winner = first.status === 200 ? survivor : other;
      const loser = winner === survivor ? other : survivor;
      expect(won[0].body).toMatchObject({ id: loser.id, role: 'REVIEWER' });
      expect(await enabledAdmins(winner)).toEqual([winner.id]);
      survivor = winner;
    }
  });
});
