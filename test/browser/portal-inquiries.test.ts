// The portal's inquiry page with the reviewer's replies (api.md): it needs GET /api/v1/me/inquiries/{id}
// and POST /api/v1/me/inquiries/{id}/replies, which another branch adds; it fails until that is merged.
import type { INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { Lang } from '../../apps/portal/src/i18n/lang.js';
import { launchChromium } from '../support/browser.js';
import { signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { keepPortalScreenshot, startPortal, wordsIn, type RunningPortal } from '../support/portal.js';
import { signedInReviewer } from '../support/reviewer-client.js';
import { listenOnLoopback, startAdmin, startApi } from '../support/stack.js';

describe.each(['ko', 'en'] as const)('the portal inquiry pages (%s)', (lang: Lang) => {
  let browser: Browser;
  let api: INestApplication;
  let admin: INestApplication;
  let portal: RunningPortal;
  const t = wordsIn(lang);

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
    portal = await startPortal(await listenOnLoopback(api));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await admin?.close();
    await api?.close();
  });

  async function browserIn(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
    return { context, page: await context.newPage() };
  }

  const press = (page: Page, name: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);

  async function logIn(page: Page, loginId: string, password: string): Promise<void> {
    await page.goto(`${portal.base}/login`);
    await page.getByLabel(t('field.loginId'), { exact: true }).fill(loginId);
    await page.getByLabel(t('field.password'), { exact: true }).fill(password);
    await press(page, t('login.submit'));
  }

  it("Contact us: the reviewer's reply shows on the inquiry, and the member replies", async () => {
    const member: SignedInMember = await signUpAndLogin(api, { language: lang });
    const { context, page } = await browserIn();
    try {
      await logIn(page, member.loginId, member.password);
      await page.goto(`${portal.base}/support`);
      await page.getByLabel(t('field.title'), { exact: true }).fill('Invoice address');
      await page.getByLabel(t('field.body'), { exact: true }).fill('Which address is on the invoice?');
      await press(page, t('support.submit'));
      const inquiries = await request(api.getHttpServer()).get('/api/v1/me/inquiries').auth(member.token, { type: 'bearer' }).expect(200);
      const id = inquiries.body[0].id as string;
      const reviewer = await signedInReviewer(admin);
      await request(admin.getHttpServer())
        .post(`/admin/api/v1/inquiries/${id}/replies`)
        .auth(reviewer.token, { type: 'bearer' })
        .send({ body: 'The billing address on your account.' })
        .expect(201);

      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Invoice address' }).click()]);
      await page.getByText('The billing address on your account.').waitFor();
      await page.getByLabel(t('field.body'), { exact: true }).fill('Thank you, and can I change it?');
      await press(page, t('support.reply'));
      await page.getByText(t('support.replied')).waitFor();
      await page.getByText('Thank you, and can I change it?').waitFor();
      await keepPortalScreenshot(page, `${lang}-inquiry-replied`);
    } finally {
      await context.close();
    }
  });
});
