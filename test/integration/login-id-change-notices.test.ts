// The old-address notice of a committed login-ID change carries a fresh revert token. While the mail
// server is unreachable every attempt fails, and each failed attempt takes its token back, so an
// outage leaves no row per retry; the notice that finally goes out carries the one valid token.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { freePort } from '../../scripts/lib/temporal-cli.mjs';
import { loadConfig } from '../../libs/config/src/index.js';
import { hashSecret } from '../../libs/core/src/index.js';
import { LoginIdChangeNoticesService, LoginIdChangeRevertEntity, LoginIdChangeRevertTokenEntity } from '../../libs/login-id-change/src/index.js';
import { MemberEntity } from '../../libs/members/src/index.js';
import { NOTIFICATION_ENTITIES, NotificationService } from '../../libs/notifications/src/index.js';
import { insertMemberRow } from '../support/member-rows.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { readOutbox } from '../support/outbox.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

describe(`login-ID change notices on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let outboxDir: string;

  beforeAll(async () => {
    database = await createTestDatabase('login-id-notices');
    dataSource = await openMigrated(database.url, [MemberEntity, LoginIdChangeRevertEntity, LoginIdChangeRevertTokenEntity, ...NOTIFICATION_ENTITIES]);
    outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'login-id-notices-'));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    fs.rmSync(outboxDir, { recursive: true, force: true });
  });

  const servicesWith = (env: Record<string, string>) => {
    const config = loadConfig({ DATABASE_URL: database.url, OUTBOX_DIR: outboxDir, ...env });
    return new LoginIdChangeNoticesService(dataSource, config, new NotificationService(dataSource, config));
  };

  it('takes back the token of every failed send; the notice that goes out holds the one valid token', async () => {
    const memberId = await insertMemberRow(dataSource);
    const changeId = randomUUID();
    const previousLoginId = `old-${changeId}@example.com`;
    const now = new Date();
    await dataSource.manager.insert(LoginIdChangeRevertEntity, {
      changeId,
      memberId,
      previousLoginId,
      newLoginId: `new-${changeId}@example.com`,
      committedAt: now,
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      revertedAt: null,
    });
    const tokens = () => dataSource.manager.findBy(LoginIdChangeRevertTokenEntity, { changeId });

    // No SMTP server listens there: each attempt fails as a retried activity's would.
    const unreachable = servicesWith({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}?from=no-reply%40example.com` });
    for (let attempt = 0; attempt < 3; attempt++) await expect(unreachable.notifyChanged(changeId, memberId)).rejects.toThrow();
    expect(await tokens()).toEqual([]);

    await servicesWith({}).notifyChanged(changeId, memberId);
    const [notice] = readOutbox(outboxDir).filter((message) => message.to === previousLoginId);
    const sent = notice.text.match(/token=([A-Za-z0-9_-]{43})/)?.[1];
    expect(sent).toBeDefined();
    expect((await tokens()).map((row) => row.tokenHash)).toEqual([hashSecret(sent!)]);
  });
});
