// Its own file: Passport strategies are process-wide, so one API app per file. The cooling-off
// after a completed change is off here, so a second change can race the revert (it must lose).
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { aSignUp, uniqueEmail } from '../support/factories.js';
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { LoginIdChangeDriver, revertLinkIn, uniqueMobile } from '../support/login-id-change-client.js';
import { privilegedMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { waitForResetLinks } from '../support/password-reset-client.js';
import { startApi } from '../support/stack.js';

const PORTAL = 'http://127.0.0.1:3003';

describe('"this wasn\'t me": a revert that lands', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startApi({ PUBLIC_PORTAL_URL: PORTAL, LOGIN_ID_COOLING_OFF_AFTER_CHANGE_SECONDS: '0' });
    http = app.getHttpServer();
  });
  afterAll(async () => app.close());

  const login = (loginId: string, password: string) => request(http).post('/api/v1/auth/login').send({ loginId, password });
  const revert = (token: string) => request(http).post('/api/v1/login-id-change-reverts').send({ token });
  const driverFor = async () => new LoginIdChangeDriver(app, await privilegedMember(app, { mobilePhone: uniqueMobile() }));

  /** Completes a change to `newLoginId` and returns the revert link sent to the address it left. */
  async function changeTo(change: LoginIdChangeDriver, from: string, newLoginId: string): Promise<URL> {
    await change.reachConfirmation(newLoginId);
    await change.confirm().expect(200);
    const notices = () => messagesTo(from, 'email').filter((message) => message.text.includes('/login-id-change-reverts?token='));
    await waitFor(() => notices().length === 1, { timeoutMs: 30_000, what: `the old-address notice to ${from}` });
    return revertLinkIn(notices()[0]);
  }

  it('restores the address, ends every session, voids the password and sends a reset link that works', async () => {
    const change = await driverFor();
    const { member } = change;
    const other = await login(member.loginId, member.password).expect(200);
    const intruderAddress = uniqueEmail('intruder');
    const link = await changeTo(change, member.loginId, intruderAddress);
    expect(`${link.origin}${link.pathname}`).toBe(`${PORTAL}/login-id-change-reverts`);

    // While the change can be reverted, the address it left is reserved for the member.
    const squatter = await request(http)
      .post('/api/v1/members')
      .send(aSignUp({ loginId: member.loginId }))
      .expect(409);
    expect(squatter.body.code).toBe('LOGIN_ID_TAKEN');

    const reverted = await revert(link.searchParams.get('token')!).expect(200);
    expect(reverted.body).toEqual({ loginId: member.loginId });
    await request(http).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(401);
    await request(http).get('/api/v1/me/sessions').auth(other.body.accessToken, { type: 'bearer' }).expect(401);
    await login(intruderAddress, member.password).expect(401);
    const voided = await login(member.loginId, member.password).expect(403);
    expect(voided.body).toMatchObject({ code: 'PASSWORD_RESET_REQUIRED', status: 403 });
    expect(voided.headers['content-type']).toMatch(/application\/problem\+json/);
    await revert(link.searchParams.get('token')!)
      .expect(404)
      .expect(({ body }) => expect(body.code).toBe('NOT_FOUND'));

    const [resetLink] = await waitForResetLinks(member.loginId, 1);
    expect(`${resetLink.origin}${resetLink.pathname}`).toBe(`${PORTAL}/password-reset`);
    // The known password is one of the recent ones: it cannot come back.
    const token = resetLink.searchParams.get('token')!;
    await request(http)
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, newPassword: member.password, newPasswordConfirmation: member.password })
      .expect(422)
      .expect(({ body }) => expect(body.code).toBe('PASSWORD_RECENTLY_USED'));
    await request(http)
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, newPassword: 'Restored!pw42', newPasswordConfirmation: 'Restored!pw42' })
      .expect(204);
    await login(member.loginId, 'Restored!pw42').expect(200);
  });

  it('refuses another member changing to the reserved address', async () => {
    const change = await driverFor();
    const previous = change.member.loginId;
    await changeTo(change, previous, uniqueEmail('moved'));

    const other = await driverFor();
    await other.start().expect(201);
    await other.identityCode(other.smsCode()).expect(200);
    const taken = await other.newLoginId(previous).expect(409);
    expect(taken.body.code).toBe('LOGIN_ID_TAKEN');
    await other.cancel().expect(204);
  });

  it('cannot be outrun by a second change: the first link still restores the address and voids the later one', async () => {
    const change = await driverFor();
    const original = change.member.loginId;
    const first = uniqueEmail('first');
    const second = uniqueEmail('second');
    const firstLink = await changeTo(change, original, first);
    // The session that confirmed survives its own change: the intruder goes on at once.
    await request(http)
      .post('/api/v1/auth/reauthenticate')
      .auth(change.member.token, { type: 'bearer' })
      .send({ password: change.member.password })
      .expect(200);
    const secondLink = await changeTo(change, first, second);

    await revert(firstLink.searchParams.get('token')!)
      .expect(200)
      .expect(({ body }) => expect(body).toEqual({ loginId: original }));
    await login(original, change.member.password)
      .expect(403)
      .expect(({ body }) => expect(body.code).toBe('PASSWORD_RESET_REQUIRED'));
    await login(second, change.member.password).expect(401);
    // The later change's link (sent to the intruder's first address) no longer brings it back.
    await revert(secondLink.searchParams.get('token')!).expect(404);
    await login(first, change.member.password).expect(401);
  });
});
