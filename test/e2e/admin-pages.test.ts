import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request, { type Response } from 'supertest';
import { SYSTEM_ACTOR } from '../../libs/audit/src/index.js';
import { ReviewerAccountsService } from '../../libs/reviewers/src/index.js';
import { submitApplication } from '../support/application-client.js';
import { uniqueEmail } from '../support/factories.js';
import { signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { startAdmin, startApi } from '../support/stack.js';

const PASSWORD = 'Rv7!kWq2#p';

/** The value of a cookie the response sets, or undefined. */
function cookieSet(res: Response, name: string): string | undefined {
  const line = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((header) => header.startsWith(`${name}=`));
  return line?.split(';')[0].slice(name.length + 1);
}

interface PageSession {
  /** The Cookie header of the signed-in browser. */
  cookie: string;
  /** The CSRF token its forms carry. */
  csrf: string;
}

describe('admin review pages: refusals over HTTP', () => {
  let admin: INestApplication;
  let api: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let member: SignedInMember;
  let session: PageSession;
  /** Every application the suite submits, withdrawn at the end: the queue of the run stays as it was. */
  const submitted: { applicant: SignedInMember; id: string }[] = [];

  beforeAll(async () => {
    admin = await startAdmin();
    api = await startApi();
    http = admin.getHttpServer();
    member = await signUpAndLogin(api);
    session = await signInThroughTheForm();
  });
  afterAll(async () => {
    for (const { applicant, id } of submitted) {
      await request(api.getHttpServer()).post(`/api/v1/me/required-info-applications/${id}/withdraw`).auth(applicant.token, { type: 'bearer' });
    }
    await admin.close();
    await api.close();
  });

  /** A reviewer signs in through the sign-in page, as a browser does. */
  async function signInThroughTheForm(): Promise<PageSession> {
    const email = uniqueEmail('pages.reviewer');
    await admin.get(ReviewerAccountsService).create({ email, password: PASSWORD, role: 'REVIEWER', displayName: 'Pages Reviewer' }, SYSTEM_ACTOR);
    const page = await request(http).get('/login').expect(200);
    const field = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await request(http)
      .post('/login')
      .set('Cookie', `admin_csrf=${cookieSet(page, 'admin_csrf')}`)
      .type('form')
      .send({ _csrf: field, email, password: PASSWORD })
      .expect(303);
    const csrf = cookieSet(res, 'admin_csrf')!;
    return { cookie: `admin_session=${cookieSet(res, 'admin_session')}; admin_csrf=${csrf}`, csrf };
  }

  async function anApplication(): Promise<string> {
    // One open application per member: each test's application is the member's only open one.
    const applicant = await signUpAndLogin(api);
    const id = (await submitApplication(api, applicant).expect(201)).body.id as string;
    submitted.push({ applicant, id });
    return id;
  }

  const statusOf = async (id: string) => (await request(http).get(`/admin/api/v1/applications/${id}`).set('Cookie', session.cookie).expect(200)).body;
  const postForm = (path: string, form: Record<string, string>, cookie = session.cookie) =>
    request(http).post(path).set('Cookie', cookie).type('form').send(form);

  const expectHtmlPage = (res: Response) => {
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
  };

  it('refuses a form post without the CSRF token, or with another one, with a 403 page and changes nothing', async () => {
    const id = await anApplication();
    const missing = await postForm(`/queue/${id}/claim`, {}).expect(403);
    expectHtmlPage(missing);
    expect(missing.text).toContain('Not allowed');
    expect(missing.text).toContain('The form expired or did not come from this site');
    const forged = await postForm(`/queue/${id}/claim`, { _csrf: 'A'.repeat(43) }).expect(403);
    expectHtmlPage(forged);
    // A token without its cookie (another site can make one up, but not set the cookie).
    const sessionOnly = session.cookie.split('; ')[0];
    await postForm(`/queue/${id}/claim`, { _csrf: session.csrf }, sessionOnly).expect(403);
    expect(await statusOf(id)).toMatchObject({ status: 'SUBMITTED', claimedBy: null });

    const claimed = await postForm(`/queue/${id}/claim`, { _csrf: session.csrf }).expect(303);
    expect(claimed.headers.location).toBe(`/queue/${id}?done=claimed`);
    expect(await statusOf(id)).toMatchObject({ status: 'IN_REVIEW' });
  });

  it("sends a member's bearer token or session to the sign-in page, and the application stays as it was", async () => {
    const id = await anApplication();
    await request(http).get('/queue').auth(member.token, { type: 'bearer' }).expect(303).expect('Location', '/login');
    await request(http).get(`/queue/${id}`).auth(member.token, { type: 'bearer' }).expect(303).expect('Location', '/login');
    await request(http).post(`/queue/${id}/claim`).auth(member.token, { type: 'bearer' }).type('form').send({}).expect(303).expect('Location', '/login');
    await postForm(`/queue/${id}/claim`, { _csrf: session.csrf }, `admin_session=${member.token}; admin_csrf=${session.csrf}`)
      .expect(303)
      .expect('Location', '/login');
    await request(http).get(`/queue/${id}`).expect(303).expect('Location', '/login');
    expect(await statusOf(id)).toMatchObject({ status: 'SUBMITTED', claimedBy: null });
  });

  it('answers an unknown application with a 404 page, for the page and for its forms', async () => {
    for (const path of [`/queue/${randomUUID()}`, '/queue/not-an-application-id', '/queue/..%2Fadmin']) {
      const res = await request(http).get(path).set('Cookie', session.cookie).expect(404);
      expectHtmlPage(res);
      expect(res.text).toContain('Not found');
      expect(res.text).toContain('No such application');
    }
    const claim = await postForm(`/queue/${randomUUID()}/claim`, { _csrf: session.csrf }).expect(404);
    expectHtmlPage(claim);
    expect(claim.text).toContain('Not found');
    await postForm(`/queue/${randomUUID()}/reject`, { _csrf: session.csrf, reason: '' }).expect(404);
  });

  it('shows the application again with the refusal: a rejection without a reason (400), an action out of turn (409)', async () => {
    const id = await anApplication();
    const early = await postForm(`/queue/${id}/approve`, { _csrf: session.csrf }).expect(409);
    expectHtmlPage(early);
    expect(early.text).toContain('role="alert">The application is back in the queue: claim it first.</p>');
    await postForm(`/queue/${id}/claim`, { _csrf: session.csrf }).expect(303);

    for (const reason of ['', '   ']) {
      const refused = await postForm(`/queue/${id}/reject`, { _csrf: session.csrf, reason }).expect(400);
      expectHtmlPage(refused);
      expect(refused.text).toContain('A reason is required to reject the application.');
      expect(refused.text).toContain('name="reason"');
    }
    const tooLong = await postForm(`/queue/${id}/request-info`, { _csrf: session.csrf, message: 'x'.repeat(2001) }).expect(400);
    expect(tooLong.text).toContain('keep it to 2000 characters');
    expect(await statusOf(id)).toMatchObject({ status: 'IN_REVIEW', rejectionReason: null, infoRequestMessage: null });
  });

  it('refuses a queue filter the form does not offer with a 422 page; the JSON queue names each member by login ID', async () => {
    const bad = await request(http).get('/queue?status=DELETED').set('Cookie', session.cookie).expect(422);
    expectHtmlPage(bad);
    expect(bad.text).toContain('Choose a status from the list');
    await request(http).get('/queue?cursor=not%20a%20cursor').set('Cookie', session.cookie).expect(422);

    const applicant = await signUpAndLogin(api);
    const { body } = await submitApplication(api, applicant).expect(201);
    submitted.push({ applicant, id: body.id });
    // Other suites of the run leave applications open: follow the pages (oldest first) to ours.
    let ours: unknown;
    for (let cursor = ''; ours === undefined;) {
      const queue = await request(http).get(`/admin/api/v1/applications?limit=100${cursor}`).set('Cookie', session.cookie).expect(200);
      ours = queue.body.items.find((item: { id: string }) => item.id === body.id);
      if (ours === undefined && !queue.body.nextCursor) break;
      cursor = `&cursor=${queue.body.nextCursor}`;
    }
    expect(ours).toMatchObject({ memberId: applicant.id, memberLoginId: applicant.loginId, status: 'SUBMITTED' });
    let path: string | undefined = '/queue?status=SUBMITTED';
    let row: string | undefined;
    while (path && row === undefined) {
      const page: Response = await request(http).get(path).set('Cookie', session.cookie).expect(200);
      row = page.text.split('<tr').find((tr) => tr.includes(`href="/queue/${body.id}"`));
      path = /href="([^"]+)" rel="next"/.exec(page.text)?.[1].replaceAll('&amp;', '&');
    }
    expect(row).toContain(applicant.loginId);
    expect(row).toContain('Submitted');
  });
  it('shows the queue and review pages, their notices and refusals in Korean once the reviewer chose it with the language switch', async () => {
    const id = await anApplication();
    const switched = await postForm('/language', { _csrf: session.csrf, lang: 'ko', next: `/queue/${id}` }).expect(303);
    expect(switched.headers.location).toBe(`/queue/${id}`);
    const korean = `${session.cookie}; admin_lang=${cookieSet(switched, 'admin_lang')}`;
    expect(cookieSet(switched, 'admin_lang')).toBe('ko');

    const queue = await request(http).get('/queue').set('Cookie', korean).expect(200);
    expectHtmlPage(queue);
    expect(queue.text).toContain('<html lang="ko">');
    for (const label of ['<h1>심사 대기열</h1>', '심사 대기 (제출됨 또는 심사 중)', '요청한 변경', '담당자', '로그아웃']) expect(queue.text).toContain(label);
    expect(queue.text).not.toContain('Review queue');

    const early = await postForm(`/queue/${id}/approve`, { _csrf: session.csrf }, korean).expect(409);
    expect(early.text).toContain('role="alert">신청이 대기열로 돌아갔습니다. 먼저 맡으세요.</p>');
    const claimed = await postForm(`/queue/${id}/claim`, { _csrf: session.csrf }, korean).expect(303);
    const page = await request(http).get(claimed.headers.location).set('Cookie', korean).expect(200);
    expect(page.text).toContain('<html lang="ko">');
    for (const label of ['이 신청을 맡았습니다.', '현재 값과 요청한 값', '승인', '반려', '대기열로 돌려놓기', '심사 중']) expect(page.text).toContain(label);
    expect(page.text).not.toMatch(/Claimed by|Release to the queue|Current and requested values/);
    const refused = await postForm(`/queue/${id}/reject`, { _csrf: session.csrf, reason: ' ' }, korean).expect(400);
    expect(refused.text).toContain('신청을 반려하려면 사유가 필요합니다.');

    // The choice is the cookie's: without it the same pages are English.
    expect((await request(http).get(`/queue/${id}`).set('Cookie', session.cookie).expect(200)).text).toContain('<html lang="en">');
    const missing = await request(http).get('/queue/00000000-0000-4000-8000-000000000000').set('Cookie', korean).expect(404);
    expect(missing.text).toContain('찾을 수 없음');
  });
});
