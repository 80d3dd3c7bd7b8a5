import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '#app/config';
import { createPortalLogger } from './logger.js';
import { createPortalApp, type PortalApp } from './portal-app.js';

describe('the portal request log', () => {
  const lines: Record<string, unknown>[] = [];
  let portal: PortalApp;
  let base: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const config = loadConfig({ PORTAL_COOKIE_SECRET: 'portal-cookie-secret-for-tests-0123456789abcdef' });
    // The landing page makes no API call: nothing listens on the API address.
    portal = createPortalApp(config, createPortalLogger('info', sink), 'http://127.0.0.1:9');
    const server = await portal.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => portal.close());

  const requestLine = (requestId: string) => lines.find((line) => line.msg === 'request' && line.requestId === requestId);

  it('keeps a well-formed X-Request-Id and logs one line as the API does: method, path, route, status, ms', async () => {
    const res = await fetch(`${base}/?lang=en`, { headers: { 'x-request-id': 'req-12345678' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-12345678');
    const line = requestLine('req-12345678');
    expect(line).toMatchObject({ method: 'GET', path: '/', route: '/', status: 200 });
    expect(typeof line?.ms).toBe('number');
    expect(line).not.toHaveProperty('durationMs');
    expect(JSON.stringify(line)).not.toContain('lang=en');
  });

  it('replaces an id the API would not keep (too short, or with other characters) by a new one', async () => {
    for (const offered of ['r-1', 'bad id!', 'x'.repeat(65)]) {
      const res = await fetch(`${base}/`, { headers: { 'x-request-id': offered } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
