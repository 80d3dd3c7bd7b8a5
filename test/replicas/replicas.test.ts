// quality.md R9: several replicas of every process, sharing only MySQL, Redis, the S3 store and
// Temporal. Steps of one flow hit different replicas; a limit counts once across them; a worker
// killed mid-flow leaves the other to finish it.
import { uniqueMobile } from '../support/login-id-change-client.js';
import fs from 'node:fs';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import request from 'supertest';
import { freePort, waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { aSignUp, uniqueEmail } from '../support/factories.js';
import { httpFrom } from '../support/http-from.js';
import { startReplicaStack, type ReplicaStack } from '../support/replica-stack.js';
import { WorkerProcess } from '../support/worker-process.mjs';

const FIXTURES = path.resolve('test/fixtures/valid');

describe('replicas: 2 API, 2 admin, 2 portals, 2 workers', () => {
  let stack: ReplicaStack;
  let s3: S3Client;

  beforeAll(async () => {
    stack = await startReplicaStack();
    // The operator command (reviewer accounts) runs against this stack's database.
    Object.assign(process.env, stack.env);
    s3 = new S3Client({
      endpoint: stack.weed.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: stack.weed.env.S3_ACCESS_KEY_ID, secretAccessKey: stack.weed.env.S3_SECRET_ACCESS_KEY },
    });
  });
  afterAll(async () => {
    s3?.destroy();
    await stack?.stop();
  });

  const api = (n: 0 | 1) => stack.apis[n].url;
  const national = (e164: string) => `0${e164.slice(3)}`;

  /** The newest 6-digit code emailed to `to`, from the shared outbox folder. */
  function emailCode(to: string): string {
    const messages = fs.existsSync(stack.outboxDir)
      ? fs
          .readdirSync(stack.outboxDir)
          .filter((name) => name.endsWith('.json'))
          .map((name) => JSON.parse(fs.readFileSync(path.join(stack.outboxDir, name), 'utf8')) as { to: string; text: string; createdAt: string })
          .filter((message) => message.to === to)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      : [];
    const code = messages.at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no email code to ${to}`);
    return code;
  }

  async function privilegedMember(mobilePhone = uniqueMobile()) {
    const body = aSignUp({ mobilePhone });
    await request(api(0)).post('/api/v1/members').send(body).expect(201);
    const login = await request(api(1)).post('/api/v1/auth/login').send({ loginId: body.loginId, password: body.password }).expect(200);
    const token = login.body.accessToken as string;
    await request(api(0)).post('/api/v1/auth/reauthenticate').auth(token, { type: 'bearer' }).send({ password: body.password }).expect(200);
    return { ...body, token };
  }

  const change = (n: 0 | 1, token: string, step: string, body: object = {}) =>
    request(api(n)).post(`/api/v1/me/login-id-change${step}`).auth(token, { type: 'bearer' }).send(body);
  const status = (n: 0 | 1, token: string) => request(api(n)).get('/api/v1/me/login-id-change').auth(token, { type: 'bearer' });

  it('completes a login-ID change whose five steps alternate between the API replicas, codes through SENS', async () => {
    const member = await privilegedMember();
    const newLoginId = uniqueEmail('replica');
    await change(0, member.token, '', { currentPassword: member.password, mobilePhone: member.mobilePhone }).expect(201);
    const sms = stack.sens.requests.filter((sent) => sent.body.messages?.[0]?.to === national(member.mobilePhone));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ problem: null, signatureVerifies: true });
    await change(1, member.token, '/identity-code', { code: stack.sens.latestCodeTo(national(member.mobilePhone)) }).expect(200);
    await change(0, member.token, '/new-login-id', { newLoginId }).expect(200);
    await change(1, member.token, '/email-code', { code: emailCode(newLoginId) }).expect(200);
    await change(0, member.token, '/confirm').expect(200);
    await waitFor(async () => (await status(1, member.token)).body.status === 'COMPLETED', { timeoutMs: 60_000, what: 'the change to complete' });
    await request(api(1)).post('/api/v1/auth/login').send({ loginId: newLoginId, password: member.password }).expect(200);
  });

  it('reads a document uploaded through one API replica through the other and through both admin replicas', async () => {
    const member = await privilegedMember();
    const submitted = await request(api(0))
      .post('/api/v1/me/required-info-applications')
      .auth(member.token, { type: 'bearer' })
      .field('reason', 'Legal name change')
      .field('name', 'Lee Minji')
      .attach('applicationForm', path.join(FIXTURES, 'proof.pdf'), 'application-form.pdf')
      .attach('proofDocuments', path.join(FIXTURES, 'proof.png'))
      .expect(201);
    const id = submitted.body.id as string;
    const seen = await request(api(1)).get(`/api/v1/me/required-info-applications/${id}`).auth(member.token, { type: 'bearer' }).expect(200);
    expect(seen.body.status).toBeDefined();
    // Stored as objects in the bucket, not on any replica's disk.
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: stack.weed.bucket, Prefix: 'documents/' }));
    expect((listed.Contents ?? []).length).toBeGreaterThanOrEqual(2);
    expect(fs.existsSync(stack.documentsDir) ? fs.readdirSync(stack.documentsDir, { recursive: true }).length : 0).toBe(0);

    const { createReviewerWithCommand } = await import('../support/reviewer-client.js');
    const reviewer = createReviewerWithCommand();
    const expected = fs.readFileSync(path.join(FIXTURES, 'proof.png'));
    for (const admin of stack.admins) {
      const login = await request(admin.url).post('/admin/api/v1/auth/login').send(reviewer).expect(200);
      const detail = await request(admin.url).get(`/admin/api/v1/applications/${id}`).auth(login.body.accessToken, { type: 'bearer' }).expect(200);
      const proof = detail.body.documents.find((document: { kind: string }) => document.kind === 'PROOF');
      const download = await request(admin.url)
        .get(`/admin/api/v1/applications/${id}/documents/${proof.id}`)
        .auth(login.body.accessToken, { type: 'bearer' })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect((download.body as Buffer).equals(expected)).toBe(true);
    }
  });

  it('counts one rate limit across replicas: 31 credential requests meet it once', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const answer = await httpFrom('127.0.9.1', `${api((i % 2) as 0 | 1)}/api/v1/members`, { body: {} });
      statuses.push(answer.status);
    }
    expect(statuses.filter((code) => code === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, 30).every((code) => code === 400)).toBe(true);
  });

  it('keeps a member signed in across the portal replicas: signed in through one, served and signed out by the other', async () => {
    const member = aSignUp({ mobilePhone: uniqueMobile() });
    await request(api(0)).post('/api/v1/members').send(member).expect(201);
    const [one, two] = stack.portals.map((portal) => portal.url);
    const csrfOf = (page: string) => /name="_csrf" value="([A-Za-z0-9_-]{43})"/.exec(page)![1];
    const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];
    const post = (base: string, route: string, cookie: string, form: Record<string, string>) =>
      fetch(`${base}${route}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: base },
        body: new URLSearchParams(form),
      });

    const form = await fetch(`${one}/login`);
    const signedIn = await post(one, '/login', cookieOf(form), { _csrf: csrfOf(await form.text()), loginId: member.loginId, password: member.password });
    expect([signedIn.status, signedIn.headers.get('location')]).toEqual([303, '/my']);
    const session = cookieOf(signedIn);

    // The other replica (which calls the other API replica) opens the sealed session cookie.
    const myPage = await fetch(`${two}/my`, { headers: { cookie: session }, redirect: 'manual' });
    expect(myPage.status).toBe(200);
    const page = await myPage.text();
    expect(page).toContain(member.loginId);
    expect((await fetch(`${two}/my/sessions`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(200);
    const signedOut = await post(two, '/logout', session, { _csrf: csrfOf(page) });
    expect(signedOut.status).toBe(303);
    // Signed out through the API: a page of the first replica that asks the API for data (the
    // sessions list) no longer serves the old cookie's session.
    const afterwards = await fetch(`${one}/my/sessions`, { headers: { cookie: session }, redirect: 'manual' });
    expect([afterwards.status, afterwards.headers.get('location')?.startsWith('/login')]).toEqual([303, true]);
  });

  it('finishes a flow on the other worker when one is killed mid-flow', async () => {
    // Only a worker that kills itself before the "login ID changed" notice polls until then.
    const [first, second] = stack.workers;
    await first.stop();
    const faulty = new WorkerProcess({ ...stack.env, WORKER_PORT: String(await freePort()) }, path.join(stack.env.TEST_RUN_DIR, 'worker-faulty.log'));
    // The plan goes through WorkerProcess's own option (it strips a fault switch given as env).
    await faulty.start({ faultPoint: 'notifyLoginIdChanged:before', faultAction: 'kill' });
    await second.stop();

    const member = await privilegedMember();
    const newLoginId = uniqueEmail('killed');
    await change(1, member.token, '', { currentPassword: member.password, mobilePhone: member.mobilePhone }).expect(201);
    await change(0, member.token, '/identity-code', { code: stack.sens.latestCodeTo(national(member.mobilePhone)) }).expect(200);
    await change(1, member.token, '/new-login-id', { newLoginId }).expect(200);
    await change(0, member.token, '/email-code', { code: emailCode(newLoginId) }).expect(200);
    await change(1, member.token, '/confirm').expect(200);
    // The faulty worker ends itself at the notice; the flow is not done.
    await waitFor(async () => faulty.pid === undefined || !isAlive(faulty.pid), { timeoutMs: 30_000, what: 'the faulty worker to die' });
    expect((await status(0, member.token)).body.status).not.toBe('COMPLETED');

    await second.start();
    await waitFor(async () => (await status(0, member.token)).body.status === 'COMPLETED', { timeoutMs: 90_000, what: 'the other worker to finish' });
    await first.start();
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
