// Issue 14 in a real browser, as staff would: an admin creates a reviewer in the accounts page,
// the reviewer sets a password from the emailed link and signs in, disabling ends their session
// at once; a member's inquiry is answered in the inbox; the audit trail and the member lookup in
// Korean (the reviewer's remembered choice). Screenshots under artifacts/browser/.
import fs from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { keepScreenshot, launchChromium } from '../support/browser.js';
import { uniqueEmail } from '../support/factories.js';
import { signUpAndLogin } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { createReviewerWithCommand } from '../support/reviewer-client.js';
import { listenOnLoopback, startAdmin, startApi } from '../support/stack.js';

const NEW_PASSWORD = 'Browser!Rev7pass';

describe('the review desk in a real browser', () => {
  let browser: Browser;
  let admin: INestApplication;
  let api: INestApplication;
  let base: string;

  beforeAll(async () => {
    admin = await startAdmin();
    api = await startApi();
    base = await listenOnLoopback(admin);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await admin?.close();
    await api?.close();
  });

  async function freshPage(): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    return { context, page, blocked };
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
    expect(new URL(page.url()).pathname).toBe('/queue');
  }

  const click = (page: Page, name: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);

  it('an admin creates a reviewer, who sets a password from the emailed link and signs in; disabling ends the session at once', async () => {
    const adminAccount = createReviewerWithCommand('ADMIN');
    const staff = await freshPage();
    const newcomer = await freshPage();
    try {
      await signIn(staff.page, adminAccount.email, adminAccount.password);
      await staff.page.getByRole('link', { name: 'Reviewer accounts' }).click();
      await staff.page.getByRole('heading', { name: 'Reviewer accounts' }).waitFor();

      const email = uniqueEmail('browser.invited');
      await staff.page.getByLabel('Email').fill(email);
      await staff.page.getByLabel('Name').fill('Invited Browser Reviewer');
      await staff.page.getByLabel('Role').selectOption('REVIEWER');
      await click(staff.page, 'Create and email a set-password link');
      await staff.page.getByRole('status').filter({ hasText: 'set-password link was emailed' }).waitFor();
      await staff.page.getByRole('cell', { name: email, exact: true }).waitFor();
      expect(fs.existsSync(await keepScreenshot(staff.page, 'admin-desk-accounts'))).toBe(true);

      // The newcomer opens the link of the email (the outbox file) in their own browser.
      const link = new URL(
        messagesTo(email, 'email')
          .at(-1)!
          .text.match(/https?:\/\/\S+\/set-password\?token=\S+/)![0],
      );
      await newcomer.page.goto(`${base}${link.pathname}${link.search}`);
      await newcomer.page.getByRole('heading', { name: 'Set your password' }).waitFor();
      expect(fs.existsSync(await keepScreenshot(newcomer.page, 'admin-desk-set-password'))).toBe(true);
      await newcomer.page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await newcomer.page.getByLabel('New password again').fill(NEW_PASSWORD);
      await click(newcomer.page, 'Set password');
      await newcomer.page.getByRole('status').filter({ hasText: 'Your password is set' }).waitFor();
      await signIn(newcomer.page, email, NEW_PASSWORD);
      await newcomer.page.getByText('Signed in as Invited Browser Reviewer (REVIEWER)').waitFor();
      // A reviewer has no account management in the navigation.
      expect(await newcomer.page.getByRole('link', { name: 'Reviewer accounts' }).count()).toBe(0);

      // The admin disables the account; the newcomer's next page is the sign-in page.
      await staff.page.getByRole('link', { name: `Edit: ${email}` }).click();
      await staff.page.getByLabel('Disable the account (ends its sessions now)').check();
      await click(staff.page, 'Save changes');
      await staff.page.getByRole('status').filter({ hasText: 'The account was updated.' }).waitFor();
      expect(fs.existsSync(await keepScreenshot(staff.page, 'admin-desk-account-disabled'))).toBe(true);
      await newcomer.page.goto(`${base}/inbox`);
      expect(new URL(newcomer.page.url()).pathname).toBe('/login');

      expect(staff.blocked).toEqual([]);
      expect(newcomer.blocked).toEqual([]);
    } finally {
      await staff.context.close();
      await newcomer.context.close();
    }
  });

  it('a member’s inquiry is answered in the inbox, the member reads the answer over the API; audit and lookup in Korean', async () => {
    const member = await signUpAndLogin(api, { language: 'en' });
    const inquiry = await request(api.getHttpServer())
      .post('/api/v1/support/inquiries')
      .auth(member.token, { type: 'bearer' })
      .field('category', 'ACCOUNT')
      .field('title', 'Browser inquiry <b>not bold</b>')
      .field('body', 'Please help.\nSecond line.')
      .expect(201);
    const adminAccount = createReviewerWithCommand('ADMIN');
    const { context, page, blocked } = await freshPage();
    try {
      await signIn(page, adminAccount.email, adminAccount.password);
      await page.goto(`${base}/inbox?status=OPEN`);
      await page.getByRole('heading', { name: 'Support inbox' }).waitFor();
      await page.getByRole('link', { name: 'Open: Browser inquiry <b>not bold</b>' }).click();
      // User input is text, never markup.
      await page.getByRole('heading', { name: 'Browser inquiry <b>not bold</b>' }).waitFor();
      await page.getByLabel('Your answer (the member is emailed in their language)').fill('We reset your settings.\nPlease try again.');
      await click(page, 'Send the answer');
      await page.getByRole('status').filter({ hasText: 'The answer was sent' }).waitFor();
      await page.getByText('We reset your settings.').waitFor();
      expect(fs.existsSync(await keepScreenshot(page, 'admin-desk-inquiry'))).toBe(true);

      const thread = await request(api.getHttpServer()).get(`/api/v1/me/inquiries/${inquiry.body.id}`).auth(member.token, { type: 'bearer' }).expect(200);
      expect(thread.body).toMatchObject({ status: 'ANSWERED', replies: [{ author: 'REVIEWER', body: 'We reset your settings.\nPlease try again.' }] });
      expect(messagesTo(member.loginId, 'email').at(-1)!.subject).toContain('We answered your inquiry');

      // The reviewer's language: Korean, remembered from page to page.
      await page.getByLabel('Language', { exact: true }).selectOption('ko');
      await click(page, 'Change');
      await page.getByRole('link', { name: '고객 문의함', exact: true }).waitFor();
      await page.goto(`${base}/audit?memberId=${member.id}`);
      await page.getByRole('heading', { name: '감사 기록' }).waitFor();
      await page.getByRole('cell', { name: 'INQUIRY_ANSWERED', exact: true }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ko');
      expect(fs.existsSync(await keepScreenshot(page, 'admin-desk-audit-ko'))).toBe(true);

      await page.goto(`${base}/lookup`);
      await page.getByLabel('회원 ID').fill(member.id);
      await click(page, '조회');
      await page.getByRole('heading', { name: '회원 조회' }).waitFor();
      await page.getByText(member.loginId, { exact: true }).waitFor();
      expect(fs.existsSync(await keepScreenshot(page, 'admin-desk-member-ko'))).toBe(true);

      await page.goto(`${base}/inbox`);
      await page.getByRole('heading', { name: '고객 문의함' }).waitFor();
      expect(fs.existsSync(await keepScreenshot(page, 'admin-desk-inbox-ko'))).toBe(true);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
