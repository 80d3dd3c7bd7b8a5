import { connect, type Socket } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { freePort } from '../../scripts/lib/temporal-cli.mjs';
import { listenOnLoopback, startAdmin, startApi } from '../support/stack.js';

describe('platform: health, problems, OpenAPI, metrics', () => {
  let api: INestApplication;
  let admin: INestApplication;
  // The API on a real socket, for the tests that speak raw HTTP (it listens once).
  let apiUrl: string | undefined;
  const listening = async (): Promise<string> => (apiUrl ??= await listenOnLoopback(api));

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
  });

  it.each([
    ['api', () => api],
    ['admin', () => admin],
  ])('%s /health is 200 with database and Temporal up', async (_name, app) => {
    const res = await request(app().getHttpServer()).get('/health').expect(200);
    // The production parts are listed too (in memory / outbox / local folder here: always up).
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', temporal: 'up', sms: 'up', storage: 'up', redis: 'up' } });
  });

  it('keeps an idle keep-alive connection open past a caller pool’s idle time (the server never closes first)', async () => {
    // Node's default of 5 s closed sockets that fetch's pool (which closes at the hinted timeout − 1 s)
    // could still pick in that last second: the portal's call to the API then failed as "unavailable".
    const { port } = new URL(await listening());
    const socket: Socket = connect(Number(port), '127.0.0.1');
    let received = '';
    let closed = false;
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => (closed = true));
    const ask = async (): Promise<string> => {
      received = '';
      socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
      for (let waited = 0; !/\r\n\r\n[\s\S]*\}$/.test(received) && !closed && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      return received;
    };
    try {
      const first = await ask();
      expect(first).toMatch(/^HTTP\/1\.1 200/);
      expect(first).toMatch(/\r\nKeep-Alive: timeout=65\r\n/i);
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      expect(closed).toBe(false);
      expect(await ask()).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      socket.destroy();
    }
  }, 20_000);

  it('answers an unknown route with a NOT_FOUND problem document', async () => {
    const res = await request(api.getHttpServer()).get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/api/v1/no-such-thing' });
  });

  it.each([
    ['api', () => api, '/api/v1/me/inquiries/%zz'],
    ['admin', () => admin, '/admin/api/v1/applications/%zz'],
  ])('%s answers a malformed URL with a VALIDATION_FAILED problem document and the usual headers', async (_name, app, path) => {
    // On the API, Fastify's router refuses it before any route or hook runs (configureFastify's frameworkErrors).
    const res = await request(app().getHttpServer()).get(path).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', instance: path });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("keeps Node's request timeout (Fastify's default would turn it off)", () => {
    expect((api.getHttpServer() as { requestTimeout: number }).requestTimeout).toBe(300_000);
  });

  it('takes a path parameter of any length to its route (no router limit, as on Express)', async () => {
    const res = await request(api.getHttpServer())
      .get(`/api/v1/me/inquiries/${'a'.repeat(9_000)}`)
      .expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('ignores a Content-Type that is not a media type, as Express did: the route answers', async () => {
    // Not refused before any route (Fastify's 415): the login route's own check names the missing fields.
    const res = await request(api.getHttpServer()).post('/api/v1/auth/login').set('Content-Type', 'json').send('{"loginId":"a"}').expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'loginId' }, { field: 'password' }] });
  });

  it('answers a request target the router cannot route (GET *health) with a problem document and the usual headers', async () => {
    const { port } = new URL(await listening());
    const socket: Socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.write('GET *health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    await new Promise((resolve) => socket.on('close', resolve));
    expect(received).toMatch(/^HTTP\/1\.1 404 /);
    expect(received).toMatch(/\r\nx-request-id: [0-9a-f-]{36}\r\n/i);
    expect(received).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
    expect(received).toContain('"code":"NOT_FOUND"');
  });

  it('answers malformed JSON with VALIDATION_FAILED, not a 500', async () => {
    const res = await request(api.getHttpServer()).post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"loginId": ').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    // The body parser runs after the request id and security headers are set, so its refusals carry them too.
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an oversize JSON body with PAYLOAD_TOO_LARGE', async () => {
    const res = await request(api.getHttpServer())
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ loginId: 'x'.repeat(200_000) }))
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('echoes a well-formed X-Request-Id and invents one otherwise', async () => {
    const echoed = await request(api.getHttpServer()).get('/health').set('X-Request-Id', 'req-12345678');
    expect(echoed.headers['x-request-id']).toBe('req-12345678');
    const invented = await request(api.getHttpServer()).get('/health').set('X-Request-Id', 'bad id!');
    expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets helmet security headers', async () => {
    const res = await request(api.getHttpServer()).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves OpenAPI documents for both apps', async () => {
    const apiDoc = await request(api.getHttpServer()).get('/api/docs-json').expect(200);
    expect(apiDoc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(apiDoc.body.paths)).toContain('/health');
    const adminDoc = await request(admin.getHttpServer()).get('/admin/api/docs-json').expect(200);
    expect(adminDoc.body.info.title).toMatch(/admin/i);
    await request(api.getHttpServer()).get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await request(api.getHttpServer()).get('/health');
    const res = await request(api.getHttpServer()).get('/metrics').expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('reports 503 with a problem document when Temporal is unreachable', async () => {
    const unreachable = await startApi({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    try {
      const res = await request(unreachable.getHttpServer()).get('/health').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', checks: { database: 'up', temporal: 'down' } });
    } finally {
      await unreachable.close();
    }
  });
});
