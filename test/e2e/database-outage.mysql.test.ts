// Stopping the database is only observable over a network connection: *.mysql.test.ts files run
// in the MySQL tier only (see jest.config.js).
import request from 'supertest';
import { mysqlServerUrl } from '../support/test-database.mjs';
import { startApi, stackConfig } from '../support/stack.js';
import { TcpProxy } from '../support/tcp-proxy.js';

describe('platform on MySQL: the database going away', () => {
  it('turns /health to 503 naming the database, without a stack trace', async () => {
    const server = mysqlServerUrl();
    const proxy = new TcpProxy(server.hostname, Number(server.port || 3306));
    const proxyPort = await proxy.open();
    const url = new URL(stackConfig().database.url);
    url.port = String(proxyPort);
    const app = await startApi({ DATABASE_URL: url.toString() });
    try {
      await request(app.getHttpServer()).get('/health').expect(200);
      await proxy.cut();
      const res = await request(app.getHttpServer()).get('/health').expect(503);
      expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', checks: { database: 'down', temporal: 'up' } });
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
