// R10: wrong passwords counted on three keys (product.md §1) in Redis, as several replicas share
// them. Requests come over TCP from different loopback addresses, so the API sees different clients.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { uniqueEmail } from '../support/factories.js';
import { httpFrom } from '../support/http-from.js';
import { signUpAndLogin } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { listenOnLoopback, startApi } from '../support/stack.js';

const PORTAL_SECRET = 'portal-secret-for-brute-force-test';

describe('brute force: failed passwords per login ID and client, per login ID, per client', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await startApi({
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `test-${randomUUID()}:`,
      RATE_LIMIT_PER_MINUTE: '10000',
      LOCKOUT_ACCOUNT_THRESHOLD: '12',
      LOCKOUT_CLIENT_THRESHOLD: '8',
      PORTAL_API_SECRET: PORTAL_SECRET,
    });
    base = await listenOnLoopback(app);
  });
  afterAll(async () => app.close());

  const login = (from: string, loginId: string, password: string, headers: Record<string, string> = {}) =>
    httpFrom(from, `${base}/api/v1/auth/login`, { body: { loginId, password }, headers });

  it("a stranger's wrong passwords from other clients block those clients, never the owner", async () => {
    const owner = await signUpAndLogin(app);
    for (const stranger of ['127.0.0.2', '127.0.0.3']) {
      for (let i = 0; i < 4; i++) expect((await login(stranger, owner.loginId, 'Wrong!pass9')).body.code).toBe('INVALID_CREDENTIALS');
      const blocked = await login(stranger, owner.loginId, 'Wrong!pass9');
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('ACCOUNT_TEMPORARILY_LOCKED');
      // Even the right password from the blocked client is refused.
      expect((await login(stranger, owner.loginId, owner.password)).status).toBe(429);
    }
    // 10 failures, below the account-wide ceiling: the owner on their own client is not affected.
    expect((await login('127.0.0.1', owner.loginId, owner.password)).status).toBe(200);
    expect(messagesTo(owner.loginId, 'email')).toHaveLength(0);
  });

  it('locks the account everywhere at the account-wide ceiling and emails the owner once', async () => {
    const owner = await signUpAndLogin(app);
    const strangers = ['127.0.1.1', '127.0.1.2', '127.0.1.3'];
    const answers = [];
    for (const stranger of strangers) for (let i = 0; i < 4; i++) answers.push(await login(stranger, owner.loginId, 'Wrong!pass9'));
    expect(answers.slice(0, 11).every((answer) => answer.status === 401)).toBe(true);
    expect(answers[11].status).toBe(429);
    const fromOwner = await login('127.0.0.1', owner.loginId, owner.password);
    expect(fromOwner.status).toBe(429);
    expect(fromOwner.body).toMatchObject({ code: 'ACCOUNT_TEMPORARILY_LOCKED' });
    expect(fromOwner.body.retryAfterSeconds as number).toBeGreaterThan(59 * 60);
    expect(messagesTo(owner.loginId, 'email')).toHaveLength(1);
  });

  it('blocks a client that tries many login IDs (credential stuffing), and only that client', async () => {
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await login('127.0.2.1', uniqueEmail('stuffed'), 'Wrong!pass9'));
    expect(answers.slice(0, 7).map((answer) => answer.status)).toEqual(Array(7).fill(401));
    expect(answers[7].status).toBe(429);
    expect(answers[7].body.code).toBe('TOO_MANY_REQUESTS');
    const member = await signUpAndLogin(app);
    expect((await login('127.0.2.1', member.loginId, member.password)).status).toBe(429);
    expect((await login('127.0.2.2', member.loginId, member.password)).status).toBe(200);
  });

  it('answers an unknown login ID exactly like a known one, through the block', async () => {
    const owner = await signUpAndLogin(app);
    const unknown = uniqueEmail('nobody');
    for (let i = 0; i < 5; i++) {
      const known = await login('127.0.3.1', owner.loginId, 'Wrong!pass9');
      const missing = await login('127.0.3.2', unknown, 'Wrong!pass9');
      expect(missing.status).toBe(known.status);
      expect(Object.keys(missing.body).sort()).toEqual(Object.keys(known.body).sort());
      expect({ ...missing.body, lockedUntil: null }).toEqual({ ...known.body, lockedUntil: null });
      expect(missing.headers['retry-after'] === undefined).toBe(known.headers['retry-after'] === undefined);
    }
    expect((await login('127.0.3.2', unknown, 'Wrong!pass9')).body.code).toBe('ACCOUNT_TEMPORARILY_LOCKED');
  });

  it('ignores X-Forwarded-For from an untrusted peer: rotating it buys nothing', async () => {
    const owner = await signUpAndLogin(app);
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await login('127.0.4.1', owner.loginId, 'Wrong!pass9', { 'X-Forwarded-For': `203.0.113.${i + 1}` }));
    }
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 429, 429]);
    // A wrong portal secret is no credential either.
    const forged = await login('127.0.4.1', owner.loginId, owner.password, { 'X-Forwarded-For': '203.0.113.99', 'X-Portal-Secret': 'not-the-secret' });
    expect(forged.status).toBe(429);
  });

  it("trusts the portal's X-Forwarded-For only with the portal's secret", async () => {
    const owner = await signUpAndLogin(app);
    const portal = { 'X-Portal-Secret': PORTAL_SECRET };
    for (let i = 0; i < 5; i++) await login('127.0.5.1', owner.loginId, 'Wrong!pass9', { ...portal, 'X-Forwarded-For': '198.51.100.7' });
    expect((await login('127.0.5.1', owner.loginId, owner.password, { ...portal, 'X-Forwarded-For': '198.51.100.7' })).status).toBe(429);
    // Another browser behind the same portal is another client.
    expect((await login('127.0.5.1', owner.loginId, owner.password, { ...portal, 'X-Forwarded-For': '198.51.100.8' })).status).toBe(200);
    // The portal's own socket address was never counted.
    expect((await login('127.0.5.1', owner.loginId, owner.password)).status).toBe(200);
  });
});

describe('brute force: counters unreachable', () => {
  it('fails closed: credential endpoints answer 503 and never let a password through', async () => {
    const app = await startApi({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '10000' });
    try {
      const base = await listenOnLoopback(app);
      const answer = await httpFrom('127.0.0.1', `${base}/api/v1/auth/login`, { body: { loginId: uniqueEmail(), password: 'Wrong!pass9' } });
      expect(answer.status).toBe(503);
      expect(answer.body.code).toBe('SERVICE_UNAVAILABLE');
      const health = await httpFrom('127.0.0.1', `${base}/health`);
      expect((health.body.checks as Record<string, string>).redis).toBe('down');
    } finally {
      await app.close();
    }
  });
});

describe('brute force: behind a trusted proxy (TRUST_PROXY)', () => {
  it("follows X-Forwarded-For only from the listed proxy's address", async () => {
    const app = await startApi({ TRUST_PROXY: '127.0.6.1', RATE_LIMIT_PER_MINUTE: '10000' });
    try {
      const base = await listenOnLoopback(app);
      const owner = await signUpAndLogin(app);
      const login = (from: string, xff: string, password: string) =>
        httpFrom(from, `${base}/api/v1/auth/login`, { body: { loginId: owner.loginId, password }, headers: { 'X-Forwarded-For': xff } });
      // Through the proxy: the forwarded address is the client, so one browser's failures block that browser only.
      for (let i = 0; i < 5; i++) await login('127.0.6.1', '192.0.2.10', 'Wrong!pass9');
      expect((await login('127.0.6.1', '192.0.2.10', owner.password)).status).toBe(429);
      expect((await login('127.0.6.1', '192.0.2.11', owner.password)).status).toBe(200);
      // Any other peer's X-Forwarded-For is ignored: its own address counts.
      for (let i = 0; i < 5; i++) await login('127.0.6.2', `192.0.2.${20 + i}`, 'Wrong!pass9');
      expect((await login('127.0.6.2', '192.0.2.99', owner.password)).status).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('with a hop count, takes the address that many proxies back as the client (as Express counted it)', async () => {
    const app = await startApi({ TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '10000' });
    try {
      const base = await listenOnLoopback(app);
      const owner = await signUpAndLogin(app);
      const login = (xff: string, password: string) =>
        httpFrom('127.0.6.3', `${base}/api/v1/auth/login`, { body: { loginId: owner.loginId, password }, headers: { 'X-Forwarded-For': xff } });
      // One proxy (the peer) is trusted: the last X-Forwarded-For entry is the client, what comes before it is not.
      for (let i = 0; i < 5; i++) await login(`198.51.100.${i}, 192.0.2.30`, 'Wrong!pass9');
      expect((await login('198.51.100.99, 192.0.2.30', owner.password)).status).toBe(429);
      expect((await login('192.0.2.30, 192.0.2.31', owner.password)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
