// The member portal's guarantees beyond the walk: headers and cookie, CSRF, an API that is down, a
// session that ended, the privileged window running out mid-task, and pages without JavaScript.
import type { INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium } from '../support/browser.js';
import { signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { keepPortalScreenshot, startPortal, wordsIn, type RunningPortal } from '../support/portal.js';
import { listenOnLoopback, startApi } from '../support/stack.js';

const en = wordsIn('en');

describe('the member portal pages', () => {
  let browser: Browser;
  let api: INestApplication;
  let portal: RunningPortal;
  let downPortal: RunningPortal;

  beforeAll(async () => {
    // The shortest privileged window the API allows, so a test can outlast it.
    api = await startApi({ REAUTH_WINDOW_SECONDS: '10' });
    portal = await startPortal(await listenOnLoopback(api));
    // A portal whose API does not answer (nothing listens on port 1).
    downPortal = await startPortal('http://127.0.0.1:1');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await downPortal?.close();
    await portal?.close();
    await api?.close();
  });

  async function englishPage(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'en-US', ...options });
    return { context, page: await context.newPage() };
  }

  async function logIn(page: Page, member: SignedInMember, base = portal.base): Promise<void> {
    await page.goto(`${base}/login`);
    await page.getByLabel(en('field.loginId'), { exact: true }).fill(member.loginId);
    await page.getByLabel(en('field.password'), { exact: true }).fill(member.password);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: en('login.submit'), exact: true }).click()]);
  }

  const press = (page: Page, name: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

  it('answers with a strict CSP, no inline script, helmet headers and a sealed HttpOnly SameSite=Lax cookie', async () => {
    const res = await fetch(`${portal.base}/login`);
    const body = await res.text();
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatch(/<script src="\/assets\/portal.js" defer><\/script>/);
    expect(body.match(/<script(?![^>]*\ssrc=)/g)).toBeNull();
    expect(body).toMatch(/<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}">/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^portal_session=[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect((await fetch(`${portal.base}/assets/portal.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    const wellKnown = await fetch(`${portal.base}/.well-known/change-password`, { redirect: 'manual' });
    expect([wellKnown.status, wellKnown.headers.get('location')]).toEqual([302, '/my/account/password']);
  });

  it("speaks the browser's language until the member picks one with the switch (ko, en, ja)", async () => {
    const ja = await (await fetch(`${portal.base}/`, { headers: { 'accept-language': 'ja-JP,ja;q=0.9' } })).text();
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain(wordsIn('ja')('landing.title'));
    const switched = await fetch(`${portal.base}/language?lang=ko&next=%2Flogin`, { redirect: 'manual', headers: { 'accept-language': 'ja' } });
    expect([switched.status, switched.headers.get('location')]).toEqual([303, '/login']);
    const cookie = (switched.headers.get('set-cookie') ?? '').split(';')[0];
    const ko = await (await fetch(`${portal.base}/login`, { headers: { cookie, 'accept-language': 'ja' } })).text();
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain(wordsIn('ko')('login.title'));
    // Never a way off the site.
    const away = await fetch(`${portal.base}/language?lang=en&next=%2F%2Fevil.example`, { redirect: 'manual' });
    expect(away.headers.get('location')).toBe('/');
  });

  it('keeps the API token out of the browser: the cookie is sealed and no page shows it', async () => {
    const member = await signUpAndLogin(api);
    const { context, page } = await englishPage();
    try {
      await logIn(page, member);
      const sessions = await request(api.getHttpServer()).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(200);
      expect(sessions.body).toHaveLength(2);
      const [cookie] = await context.cookies();
      expect(cookie).toMatchObject({ name: 'portal_session', httpOnly: true, sameSite: 'Lax' });
      expect(Buffer.from(cookie.value, 'base64url').toString('latin1')).not.toContain(member.loginId);
      expect(await page.content()).not.toMatch(/accessToken|Bearer /);
    } finally {
      await context.close();
    }
  });

  it('a stale or foreign form is refused with a page that says what to do', async () => {
    const res = await fetch(`${portal.base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en-US,en;q=0.9' },
      body: 'loginId=a%40example.com&password=x&_csrf=forged',
    });
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toContain(en('problem.csrf').replace(/'/g, '&#39;'));
    expect(body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('an API that is down gives a page in words (503), never a stack trace or a blank page; its health says so', async () => {
    const { context, page } = await englishPage();
    try {
      await page.goto(`${downPortal.base}/login`);
      await page.getByLabel(en('field.loginId'), { exact: true }).fill('someone@example.com');
      await page.getByLabel(en('field.password'), { exact: true }).fill('Whatever1!');
      const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: en('login.submit'), exact: true }).click()]);
      expect(response?.status()).toBe(503);
      await page.getByText(en('problem.unavailable')).waitFor();
      await keepPortalScreenshot(page, 'en-api-down');
      const health = await fetch(`${downPortal.base}/health`);
      expect([health.status, ((await health.json()) as { parts: { api: string } }).parts.api]).toEqual([503, 'down']);
      expect((await fetch(`${portal.base}/health`)).status).toBe(200);
    } finally {
      await context.close();
    }
  });

  it('a session that ended elsewhere sends the member to sign in, then back where they were', async () => {
    const member = await signUpAndLogin(api);
    const { context, page } = await englishPage();
    try {
      await logIn(page, member);
      await page.goto(`${portal.base}/my/sessions`);
      // The member signs out "this browser" from their other session.
      const sessions = await request(api.getHttpServer()).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(200);
      const portalSession = (sessions.body as Array<{ id: string; current: boolean }>).find((session) => !session.current)!;
      await request(api.getHttpServer()).delete(`/api/v1/me/sessions/${portalSession.id}`).auth(member.token, { type: 'bearer' }).expect(204);
      await page.reload();
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.getByText(en('login.expired')).waitFor();
      await page.getByLabel(en('field.loginId'), { exact: true }).fill(member.loginId);
      await page.getByLabel(en('field.password'), { exact: true }).fill(member.password);
      await press(page, en('login.submit'));
      expect(new URL(page.url()).pathname).toBe('/my/sessions');
    } finally {
      await context.close();
    }
  });

  it('when the privileged window runs out mid-task, the page asks for the password again and returns to the task with the form kept (no JavaScript)', async () => {
    const member = await signUpAndLogin(api);
    const { context, page } = await englishPage({ javaScriptEnabled: false });
    try {
      await logIn(page, member);
      await page.goto(`${portal.base}/my/account/info`);
      // Not privileged yet: the gate, and back to the tab after it.
      expect(new URL(page.url()).pathname).toBe('/my/account');
      await page.getByLabel(en('field.currentPassword'), { exact: true }).fill(member.password);
      await press(page, en('common.ok'));
      expect(new URL(page.url()).pathname).toBe('/my/account/info');
      await page.getByLabel(en('field.billingEmail'), { exact: true }).fill(`kept.${member.loginId}`);
      // The API's 10-second window passes while the member is typing.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      await press(page, en('common.ok'));
      expect(new URL(page.url()).pathname).toBe('/my/account');
      await page.getByText(en('gate.again')).waitFor();
      await keepPortalScreenshot(page, 'en-gate-again');
      await page.getByLabel(en('field.currentPassword'), { exact: true }).fill(member.password);
      await press(page, en('common.ok'));
      expect(new URL(page.url()).pathname).toBe('/my/account/info');
      await expect(page.getByLabel(en('field.billingEmail'), { exact: true }).inputValue()).resolves.toBe(`kept.${member.loginId}`);
      await press(page, en('common.ok'));
      await page.getByText(en('info.saved')).waitFor();
      await expect(page.getByLabel(en('field.billingEmail'), { exact: true }).inputValue()).resolves.toBe(`kept.${member.loginId}`);
    } finally {
      await context.close();
    }
  });

  it('a wrong password at the gate is shown next to the field; a sign-in refusal keeps the ID', async () => {
    const member = await signUpAndLogin(api);
    const { context, page } = await englishPage();
    try {
      await page.goto(`${portal.base}/login`);
      await page.getByLabel(en('field.loginId'), { exact: true }).fill(member.loginId);
      await page.getByLabel(en('field.password'), { exact: true }).fill('Wrong!pass1');
      await press(page, en('login.submit'));
      await expect(page.getByLabel(en('field.loginId'), { exact: true }).inputValue()).resolves.toBe(member.loginId);
      await expect(page.getByLabel(en('field.password'), { exact: true }).inputValue()).resolves.toBe('');
      await page.locator('.field-error', { hasText: en('error.INVALID_CREDENTIALS') }).waitFor();
      await logIn(page, member);
      await page.goto(`${portal.base}/my/account`);
      await page.getByLabel(en('field.currentPassword'), { exact: true }).fill('Wrong!pass1');
      await press(page, en('common.ok'));
      await page.locator('.field-error', { hasText: en('error.INVALID_CREDENTIALS') }).waitFor();
    } finally {
      await context.close();
    }
  });
});
