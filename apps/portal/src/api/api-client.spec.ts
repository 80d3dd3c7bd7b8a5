import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from './api-client.js';
import { ApiProblem, ApiUnavailable } from './api-problem.js';

describe('ApiClient', () => {
  let server: http.Server;
  let base: string;
  const seen: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      if (req.url === '/api/v1/refuse') {
        res.writeHead(422, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 422, code: 'IDENTITY_MISMATCH', detail: 'no' }));
      } else if (req.url === '/api/v1/broken') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('stack trace');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the portal secret with the browser address, and the member token', async () => {
    const client = new ApiClient({ baseUrl: base, portalSecret: 's'.repeat(40) });
    await expect(client.call({ clientAddress: '203.0.113.7', requestId: 'r-1', token: 'tok' }, { method: 'GET', path: '/me' })).resolves.toMatchObject({
      status: 200,
      body: { ok: true },
    });
    expect(seen.at(-1)).toMatchObject({
      'x-portal-secret': 's'.repeat(40),
      'x-forwarded-for': '203.0.113.7',
      authorization: 'Bearer tok',
      'x-request-id': 'r-1',
    });
  });

  it('sends no forwarded address without the portal secret', async () => {
    const client = new ApiClient({ baseUrl: base, portalSecret: undefined });
    await client.call({ clientAddress: '203.0.113.7', requestId: 'r-2' }, { method: 'GET', path: '/x' });
    expect(seen.at(-1)?.['x-forwarded-for']).toBeUndefined();
    expect(seen.at(-1)?.['x-portal-secret']).toBeUndefined();
  });

  it('turns a problem document into ApiProblem, and a 500 or no answer into ApiUnavailable', async () => {
    const client = new ApiClient({ baseUrl: base, portalSecret: undefined });
    const caller = { clientAddress: undefined, requestId: 'r-3' };
    await expect(client.call(caller, { method: 'POST', path: '/refuse', json: {} })).rejects.toEqual(
      expect.objectContaining({ code: 'IDENTITY_MISMATCH', status: 422 }),
    );
    await expect(client.call(caller, { method: 'POST', path: '/refuse', json: {} })).rejects.toBeInstanceOf(ApiProblem);
    await expect(client.call(caller, { method: 'GET', path: '/broken' })).rejects.toBeInstanceOf(ApiUnavailable);
    await expect(new ApiClient({ baseUrl: 'http://127.0.0.1:1', portalSecret: undefined }).call(caller, { method: 'GET', path: '/x' })).rejects.toBeInstanceOf(
      ApiUnavailable,
    );
  });
});
