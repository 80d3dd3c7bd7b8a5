// The production shape over HTTP: SMS through SENS (a loopback double that verifies signatures),
// documents in a real S3 store (SeaweedFS), counters in Redis, /metrics behind a token.
import { uniqueMobile } from '../support/login-id-change-client.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { countDocumentFiles, fixture, reviewerRequest, submitApplication } from '../support/application-client.js';
import { privilegedMember } from '../support/member-client.js';
import { signedInReviewer } from '../support/reviewer-client.js';
import { startSeaweedfs, type Seaweedfs } from '../support/seaweedfs.mjs';
import { sensEnv, startSensDouble, type SensDouble } from '../support/sens-double.js';
import { startAdmin, startApi } from '../support/stack.js';

const METRICS_TOKEN = 'metrics-token-for-the-production-shape';

describe('production shape: SENS, S3, Redis', () => {
  let sens: SensDouble;
  let weed: Seaweedfs;
  let s3: S3Client;
  let documentsDir: string;
  let api: INestApplication;
  let admin: INestApplication;

  beforeAll(async () => {
    sens = await startSensDouble();
    weed = await startSeaweedfs();
    s3 = new S3Client({
      endpoint: weed.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: weed.env.S3_ACCESS_KEY_ID, secretAccessKey: weed.env.S3_SECRET_ACCESS_KEY },
    });
    documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unused-documents-'));
    const env = {
      ...sensEnv(sens.url),
      ...weed.env,
      DOCUMENTS_DIR: documentsDir,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `test-${randomUUID()}:`,
      METRICS_TOKEN,
    };
    api = await startApi(env);
    admin = await startAdmin(env);
  });
  afterAll(async () => {
    await api?.close();
    await admin?.close();
    s3?.destroy();
    await weed?.stop();
    await sens?.close();
    fs.rmSync(documentsDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    sens.mode = { kind: 'accept' };
  });

  const newNumber = uniqueMobile;
  const national = (e164: string) => `0${e164.slice(3)}`;
  const requestCode = (token: string, mobilePhone: string) =>
    request(api.getHttpServer()).post('/api/v1/me/mobile-phone-change').auth(token, { type: 'bearer' }).send({ mobilePhone });
  const objects = async () => (await s3.send(new ListObjectsV2Command({ Bucket: weed.bucket }))).Contents ?? [];

  it('changes the mobile number with the code delivered by a signed SENS request', async () => {
    const member = await privilegedMember(api);
    const number = newNumber();
    const before = sens.requests.length;
    await requestCode(member.token, number).expect(202);
    const sent = sens.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ problem: null, signatureVerifies: true });
    expect(sent[0].body.messages).toEqual([{ to: national(number) }]);
    const confirmed = await request(api.getHttpServer())
      .post('/api/v1/me/mobile-phone-change/confirm')
      .auth(member.token, { type: 'bearer' })
      .send({ code: sens.latestCodeTo(national(number)) })
      .expect(200);
    expect(confirmed.body.mobilePhone).toBe(number);
  });

  it.each([
    ['answers 5xx', { kind: 'error', status: 500, body: { status: '500', errorMessage: 'Internal error' } }],
    ['is too slow', { kind: 'slow', ms: 3_000 }],
  ] as const)('answers 503 when SENS %s, leaves no pending code, and works again once SENS is back', async (_case, mode) => {
    const member = await privilegedMember(api);
    const number = newNumber();
    sens.mode = mode;
    const refused = await requestCode(member.token, number).expect(503);
    expect(refused.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    const health = await request(api.getHttpServer()).get('/health').expect(200);
    expect(health.body.checks).toMatchObject({ database: 'up', temporal: 'up', sms: 'down', storage: 'up', redis: 'up' });
    sens.mode = { kind: 'accept' };
    // No pause to wait out: the failed code was not kept.
    await requestCode(member.token, number).expect(202);
  });

  it("stores an application's documents as objects in the bucket, nowhere on disk, readable by the reviewer", async () => {
    const member = await privilegedMember(api, { name: 'Kim Minji' });
    const before = (await objects()).length;
    const submitted = await submitApplication(api, member, { name: 'Lee Minji' }).expect(201);
    expect((await objects()).length).toBe(before + 2);
    expect(countDocumentFiles(documentsDir)).toBe(0);

    const reviewer = await signedInReviewer(admin);
    const detail = await reviewerRequest(admin, reviewer.token).get(`/applications/${submitted.body.id}`).expect(200);
    const proof = detail.body.documents.find((document: { kind: string }) => document.kind === 'PROOF');
    const download = await reviewerRequest(admin, reviewer.token)
      .get(`/applications/${submitted.body.id}/documents/${proof.id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((download.body as Buffer).equals(fs.readFileSync(fixture('valid/proof.png')))).toBe(true);
  });

  it('leaves no object behind when a submission is refused', async () => {
    const member = await privilegedMember(api);
    const before = (await objects()).length;
    await submitApplication(api, member, { name: 'Lee Minji' }, { proofs: [fixture('invalid/renamed-linux-executable.pdf')] }).expect(422);
    expect((await objects()).length).toBe(before);
  });

  it('lists every part in /health and keeps /metrics behind METRICS_TOKEN', async () => {
    const health = await request(api.getHttpServer()).get('/health').expect(200);
    expect(health.body).toEqual({ status: 'ok', checks: { database: 'up', temporal: 'up', sms: 'up', storage: 'up', redis: 'up' } });
    const refused = await request(api.getHttpServer()).get('/metrics').expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    await request(api.getHttpServer()).get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
    const metrics = await request(api.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds');
    await request(admin.getHttpServer()).get('/metrics').expect(401);
    // The router decodes the path: a spelling of /metrics it still routes there needs the token too.
    for (const path of ['/%6Detrics', '/m%65trics/', '/METRICS']) {
      const disguised = await request(api.getHttpServer()).get(path);
      expect([path, disguised.status]).toEqual([path, 401]);
    }
    await request(api.getHttpServer()).head('/metrics').expect(401);
  });
});
