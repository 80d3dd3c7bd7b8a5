// The portal's recovery pages on the recovery API (api.md): forgot password, the "this wasn't me"
// link from a real outbox message, and the login-ID cooling-off. The inquiry replies are in
// portal-inquiries.test.ts.
import type { INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { Lang } from '../../apps/portal/src/i18n/lang.js';
import { formatDateTime } from '../../apps/portal/src/pages/refusal.js';
import { launchChromium } from '../support/browser.js';
import { uniqueEmail } from '../support/factories.js';
import { LoginIdChangeDriver, uniqueMobile, waitForEmails } from '../support/login-id-change-client.js';
import { messagesTo } from '../support/outbox.js';
import { privilegedMember, signUpAndLogin } from '../support/member-client.js';
import { keepPortalScreenshot, startPortal, wordsIn, type RunningPortal } from '../support/portal.js';
import { listenOnLoopback, stackConfig, startApi } from '../support/stack.js';

const NEW_PASSWORD = 'Rs9!tGw4#k';

describe.each(['ko', 'en'] as const)('the portal recovery pages (%s)', (lang: Lang) => {
  let browser: Browser;
  let api: INestApplication;
  let portal: RunningPortal;
  const t = wordsIn(lang);
  const portalUrl = () => stackConfig().publicPortalUrl;

  beforeAll(async () => {
    api = await startApi();
    portal = await startPortal(await listenOnLoopback(api));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await api?.close();
  });

  async function browserIn(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
    return { context, page: await context.newPage() };
  }

  const press = (page: Page, name: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

  /** The link of the newest email to `to` that points at `path` on the portal, opened on this run's portal. */
  async function portalLink(to: string, path: string, count = 1): Promise<string> {
    const emails = await waitForEmails(to, count);
    const link = emails
      .map((email) => email.text.match(new RegExp(`(https?://[^\\s]+${path.replace(/[/-]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+)`))?.[1])
      .filter(Boolean)
      .at(-1);
    if (!link) throw new Error(`No ${path} link sent to ${to}`);
    expect(link.startsWith(`${portalUrl()}${path}?token=`)).toBe(true);
    return `${portal.base}${new URL(link).pathname}${new URL(link).search}`;
  }

  async function logIn(page: Page, loginId: string, password: string): Promise<void> {
    await page.goto(`${portal.base}/login`);
    await page.getByLabel(t('field.loginId'), { exact: true }).fill(loginId);
    await page.getByLabel(t('field.password'), { exact: true }).fill(password);
    await press(page, t('login.submit'));
  }

  it('forgot password: ask on the portal → the emailed link → the token leaves the URL → a new password → log in', async () => {
    const member = await signUpAndLogin(api, { language: lang });
    const { context, page } = await browserIn();
    try {
      await page.goto(`${portal.base}/login`);
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: t('landing.forgot') }).click()]);
      await page.getByLabel(t('field.loginId'), { exact: true }).fill(member.loginId);
      await press(page, t('reset.send'));
      await page.getByText(t('reset.sent', { loginId: member.loginId })).waitFor();
      await keepPortalScreenshot(page, `${lang}-reset-01-asked`);

      await page.goto(await portalLink(member.loginId, '/password-reset'));
      expect(page.url()).toBe(`${portal.base}/password-reset`);
      await page.getByLabel(t('field.newPassword'), { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t('field.newPasswordConfirmation'), { exact: true }).fill(NEW_PASSWORD);
      await keepPortalScreenshot(page, `${lang}-reset-02-new-password`);
      await press(page, t('reset.set'));
      await page.getByText(t('reset.done')).waitFor();
      await logIn(page, member.loginId, NEW_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/my');
      // Every earlier session was revoked.
      await request(api.getHttpServer()).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(401);
    } finally {
      await context.close();
    }
  });

  it('"this wasn\'t me": the link shows what will happen and changes nothing; its button restores the login ID, ends the sessions, and the restored address sets a new password', async () => {
    const member = await privilegedMember(api, { language: lang, mobilePhone: uniqueMobile() });
    const driver = new LoginIdChangeDriver(api, member);
    const newLoginId = uniqueEmail('portal.revert.new');
    await driver.reachConfirmation(newLoginId);
    await driver.confirm().expect(200);
    const link = await portalLink(member.loginId, '/login-id-change-reverts');
    const emailsBefore = messagesTo(member.loginId, 'email').length;
    const { context, page } = await browserIn();
    try {
      // Opened with a GET as a mail client's browser would: a page, and nothing changed.
      const opened = await page.goto(link);
      expect(opened?.status()).toBe(200);
      expect(page.url()).toBe(`${portal.base}/login-id-change-reverts`);
      await page.getByText(t('revert.what')).waitFor();
      await keepPortalScreenshot(page, `${lang}-revert-01-what-will-happen`);
      const signedIn = await request(api.getHttpServer()).post('/api/v1/auth/login').send({ loginId: newLoginId, password: member.password }).expect(200);
      const intruder = signedIn.body.accessToken as string;
      const me = await request(api.getHttpServer()).get('/api/v1/me/account').auth(member.token, { type: 'bearer' }).expect(200);
      expect(me.body.loginId).toBe(newLoginId);

      await press(page, t('revert.button'));
      await page.getByText(t('revert.done')).waitFor();
      await keepPortalScreenshot(page, `${lang}-revert-02-restored`);
      // Every session ended, and the address the change set no longer signs in.
      await request(api.getHttpServer()).get('/api/v1/me/account').auth(intruder, { type: 'bearer' }).expect(401);
      await request(api.getHttpServer()).get('/api/v1/me/account').auth(member.token, { type: 'bearer' }).expect(401);
      await request(api.getHttpServer()).post('/api/v1/auth/login').send({ loginId: newLoginId, password: member.password }).expect(401);
      const refused = await request(api.getHttpServer()).post('/api/v1/auth/login').send({ loginId: member.loginId, password: member.password }).expect(403);
      expect(refused.body.code).toBe('PASSWORD_RESET_REQUIRED');

      await logIn(page, member.loginId, member.password);
      await page.getByText(t('login.resetRequired')).waitFor();
      await keepPortalScreenshot(page, `${lang}-revert-03-reset-required`);
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: t('login.resetLink') }).click()]);
      expect(new URL(page.url()).pathname).toBe('/password-reset');

      // The reset link sent to the restored address sets the new password.
      await page.goto(await portalLink(member.loginId, '/password-reset', emailsBefore + 1));
      expect(page.url()).toBe(`${portal.base}/password-reset`);
      await page.getByLabel(t('field.newPassword'), { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t('field.newPasswordConfirmation'), { exact: true }).fill(NEW_PASSWORD);
      await press(page, t('reset.set'));
      await page.getByText(t('reset.done')).waitFor();
      await logIn(page, member.loginId, NEW_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/my');
      await keepPortalScreenshot(page, `${lang}-revert-04-signed-in-again`);
    } finally {
      await context.close();
    }
  });

  it('a second login-ID change within the cooling-off period says when it can start', async () => {
    const member = await privilegedMember(api, { language: lang, mobilePhone: uniqueMobile() });
    const driver = new LoginIdChangeDriver(api, member);
    const newLoginId = uniqueEmail('portal.cooling.new');
    await driver.reachConfirmation(newLoginId);
    await driver.confirm().expect(200);
    const { context, page } = await browserIn();
    try {
      await logIn(page, newLoginId, member.password);
      await page.goto(`${portal.base}/my/account/login-id`);
      await page.getByLabel(t('field.currentPassword'), { exact: true }).fill(member.password);
      await press(page, t('common.ok'));
      await page.getByLabel(t('field.currentPassword'), { exact: true }).fill(member.password);
      await page.getByLabel(t('field.mobilePhone'), { exact: true }).fill(member.body.mobilePhone);
      await press(page, t('common.next'));
      const prefix = t('error.CHANGE_COOLING_OFF').split('{availableAt}')[0];
      const alert = page.locator('.alert', { hasText: prefix });
      await alert.waitFor();
      await keepPortalScreenshot(page, `${lang}-cooling-off`);
      // The words say when: the moment the API gives, as the member reads dates.
      const refused = await driver.start().expect(409);
      expect(refused.body.code).toBe('CHANGE_COOLING_OFF');
      await expect(alert.innerText()).resolves.toContain(
        t('error.CHANGE_COOLING_OFF', { availableAt: formatDateTime(refused.body.availableAt as string, lang) }),
      );
      await expect(page.getByLabel(t('field.mobilePhone'), { exact: true }).inputValue()).resolves.toBe(member.body.mobilePhone);
    } finally {
      await context.close();
    }
  });
});
