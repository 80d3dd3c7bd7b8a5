// One smoke test of the limits as configured (env → config → workflow input) over HTTP; the timing
// rules themselves (code lifetimes, re-send limits, expiry, wrong codes) are tested in the workflow
// tier, test/workflows/login-id-change.workflow.test.ts. Its own file: the API here runs with other
// settings, and Passport strategies are process-wide.
import type { INestApplication } from '@nestjs/common';
import { LoginIdChangeDriver, uniqueMobile } from '../support/login-id-change-client.js';
import { privilegedMember } from '../support/member-client.js';
import { startApi } from '../support/stack.js';

describe('change login ID: configured limits reach the workflow', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApi({ LOGIN_ID_CHANGE_TTL_SECONDS: '3' });
  });
  afterAll(async () => app.close());

  it('expires the whole change after the configured time limit', async () => {
    const change = new LoginIdChangeDriver(app, await privilegedMember(app, { mobilePhone: uniqueMobile() }));
    const started = await change.start().expect(201);
    expect(Date.parse(started.body.expiresAt) - Date.parse(started.body.startedAt)).toBe(3_000);
    await change.waitForStatus('EXPIRED');
    const late = await change.identityCode(change.smsCode()).expect(404);
    expect(late.body.code).toBe('NOT_FOUND');
  });
});
