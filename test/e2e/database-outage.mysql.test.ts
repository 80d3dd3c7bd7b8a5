// quality.md R2: the database goes away during requests and flows. Stopping the database is only
// observable over a network connection: *.mysql.test.ts files run in the MySQL tier only (see
// jest.config.js). A loopback proxy in front of MariaDB is cut and restored.
import path from 'node:path';
import request from 'supertest';
import { freePort } from '../../scripts/lib/temporal-cli.mjs';
import { LoginIdChangeDriver, uniqueMobile } from '../support/login-id-change-client.js';
import { privilegedMember } from '../support/member-client.js';
import { runDir, startApi, stackConfig } from '../support/stack.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { mysqlServerUrl } from '../support/test-database.mjs';
import { WorkerProcess } from '../support/worker-process.mjs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function proxiedDatabase(): Promise<{ proxy: TcpProxy; url: string }> {
  const server = mysqlServerUrl();
  const proxy = new TcpProxy(server.hostname, Number(server.port || 3306));
  const url = new URL(stackConfig().database.url);
  url.port = String(await proxy.open());
  return { proxy, url: url.toString() };
}

describe('the database going away (MySQL)', () => {
  it('turns /health and requests into 503 problems without a stack trace, and recovers', async () => {
    const { proxy, url } = await proxiedDatabase();
    const app = await startApi({ DATABASE_URL: url });
    try {
      await request(app.getHttpServer()).get('/health').expect(200);
      await proxy.cut();
      const health = await request(app.getHttpServer()).get('/health').expect(503);
      expect(health.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', checks: { database: 'down', temporal: 'up' } });
      const login = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ loginId: 'someone@example.com', password: 'Whatever!1' }).expect(503);
      expect(login.headers['content-type']).toMatch(/problem\+json/);
      expect(login.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify([health.body, login.body])).not.toMatch(/at .*\.js:\d+|ECONNREFUSED/);

      await proxy.open();
      await request(app.getHttpServer()).get('/health').expect(200);
    } finally {
      await proxy.cut();
      await app.close().catch(() => undefined);
    }
  });

  it('lets a flow whose activity meets a dead database resume by itself when it is back', async () => {
    const { proxy, url } = await proxiedDatabase();
    const taskQueue = 'account-changes-db-outage';
    const worker = new WorkerProcess(
      { TEMPORAL_TASK_QUEUE: taskQueue, DATABASE_URL: url, WORKER_PORT: String(await freePort()) },
      path.join(runDir(), 'worker-db-outage.log'),
    );
    await worker.start();
    const app = await startApi({ TEMPORAL_TASK_QUEUE: taskQueue });
    try {
      const change = new LoginIdChangeDriver(app, await privilegedMember(app, { mobilePhone: uniqueMobile() }));
      await change.start().expect(201);
      const code = change.smsCode();
      await proxy.cut();
      const pending = change.identityCode(code);
      await sleep(4_000);
      await proxy.open();
      const answered = await pending;
      expect(answered.status).toBe(200);
      expect(answered.body.status).toBe('AWAITING_NEW_LOGIN_ID');
      await change.cancel().expect(204);
    } finally {
      await worker.stop();
      await proxy.cut();
      await app.close().catch(() => undefined);
    }
  }, 90_000);
});
