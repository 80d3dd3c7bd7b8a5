// The seed's four procedures walked in a real browser through the member portal, as a new member
// would, in Korean and in English: sign up, Log in, My Page, Manage account, the password once
// more, the tab, the form, OK. Every step leaves a screenshot under artifacts/portal/.
import fs from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { Lang } from '../../apps/portal/src/i18n/lang.js';
import type { Translate } from '../../apps/portal/src/i18n/translate.js';
import { fixture } from '../support/application-client.js';
import { launchChromium } from '../support/browser.js';
import { DEMO_PASSWORD, uniqueEmail } from '../support/factories.js';
import { latestCode } from '../support/outbox.js';
import { keepPortalScreenshot, startPortal, wordsIn, type RunningPortal } from '../support/portal.js';
import { listenOnLoopback, startApi } from '../support/stack.js';

const NEW_PASSWORD = 'Nw8#pLq3!z';

/** A Korean mobile number no other member has (010-2000-0000 to 010-9999-9999: every one a valid number). */
function uniqueMobile(): string {
  return `+8210${2000 + Math.floor(Math.random() * 8000)}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
}

interface Walker {
  page: Page;
  context: BrowserContext;
  t: Translate;
  lang: Lang;
  /** Takes the screenshot of one step. */
  step(name: string): Promise<void>;
  blocked: string[];
}

interface NewMember {
  loginId: string;
  mobilePhone: string;
  password: string;
}

describe.each(['ko', 'en'] as const)('the member portal walks the seed in a browser (%s)', (lang) => {
  let browser: Browser;
  let api: INestApplication;
  let apiUrl: string;
  let portal: RunningPortal;
  const t = wordsIn(lang);

  beforeAll(async () => {
    api = await startApi();
    apiUrl = await listenOnLoopback(api);
    portal = await startPortal(apiUrl);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await api?.close();
  });

  async function walker(procedure: string): Promise<Walker> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true, locale: 'en-US' });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    let n = 0;
    return {
      page,
      context,
      t,
      lang,
      blocked,
      step: async (name) => {
        n += 1;
        expect(fs.existsSync(await keepPortalScreenshot(page, `${lang}-${procedure}-${String(n).padStart(2, '0')}-${name}`))).toBe(true);
      },
    };
  }

  const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });
  const flash = (page: Page) => page.locator('main p.flash');

  /** Clicks a button of a form and waits for the page that answers it. */
  async function press(page: Page, name: string, form?: string): Promise<void> {
    const scope = form ? page.locator(`form[action="${form}"]`) : page;
    await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name, exact: true }).click()]);
  }

  /** Access the portal, switch it to the walk's language, and sign up as a new member. */
  async function signUp(w: Walker): Promise<NewMember> {
    const { page } = w;
    const member = { loginId: uniqueEmail(`portal.${lang}`), mobilePhone: uniqueMobile(), password: DEMO_PASSWORD };
    await page.goto(`${portal.base}/`);
    // The switch on the public pages (the browser asks for English: Korean is a click away).
    const switchTo = page.getByRole('navigation', { name: /Language|언어|言語/ }).getByRole('link', { name: lang === 'ko' ? '한국어' : 'English' });
    if ((await switchTo.count()) > 0) await Promise.all([page.waitForNavigation(), switchTo.click()]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    await w.step('portal');
    await Promise.all([
      page.waitForNavigation(),
      page
        .locator('header .account')
        .getByRole('link', { name: t('nav.signup') })
        .click(),
    ]);
    await page.getByLabel(t('field.loginId'), { exact: true }).fill(member.loginId);
    await page.getByLabel(t('field.password'), { exact: true }).fill(member.password);
    await page.getByLabel(t('field.name'), { exact: true }).fill(lang === 'ko' ? '김민지' : 'Kim Minji');
    await page.getByLabel(t('field.mobilePhone'), { exact: true }).fill(member.mobilePhone);
    await page.getByLabel(t('field.language'), { exact: true }).selectOption(lang);
    await page.getByLabel(t('field.serviceArea'), { exact: true }).selectOption('KR');
    await page.getByLabel(t('field.billingEmail'), { exact: true }).fill(member.loginId);
    await w.step('sign-up');
    await press(page, t('signup.submit'));
    await expect(flash(page).innerText()).resolves.toBe(t('signup.done'));
    return member;
  }

  /** "Click Login at the upper right … enter your ID and password, then click the [Log in] button." */
  async function logIn(w: Walker, member: NewMember, password = member.password): Promise<void> {
    const { page } = w;
    await Promise.all([
      page.waitForNavigation(),
      page
        .locator('header .account')
        .getByRole('link', { name: t('nav.login') })
        .click(),
    ]).catch(() => page.goto(`${portal.base}/login`));
    await page.getByLabel(t('field.loginId'), { exact: true }).fill(member.loginId);
    await page.getByLabel(t('field.password'), { exact: true }).fill(password);
    await w.step('log-in');
    await press(page, t('login.submit'));
    expect(new URL(page.url()).pathname).toBe('/my');
  }

  /** "Click the My Page menu at the top center and then the Manage account menu. Enter the current password one more time … [OK]." */
  async function manageAccount(w: Walker, member: NewMember): Promise<void> {
    const { page } = w;
    await Promise.all([
      page.waitForNavigation(),
      menu(page)
        .getByRole('link', { name: t('nav.my'), exact: true })
        .click(),
    ]);
    await page.getByRole('heading', { name: t('my.title') }).waitFor();
    await w.step('my-page');
    await Promise.all([
      page.waitForNavigation(),
      menu(page)
        .getByRole('link', { name: t('nav.manageAccount'), exact: true })
        .click(),
    ]);
    await page.getByText(t('gate.intro')).waitFor();
    await page.getByLabel(t('field.currentPassword'), { exact: true }).fill(member.password);
    await w.step('password-again');
    await press(page, t('common.ok'));
    expect(new URL(page.url()).pathname).toBe('/my/account');
    await page.getByRole('navigation', { name: t('account.title') }).waitFor();
    await w.step('manage-account');
  }

  async function tab(w: Walker, name: string): Promise<void> {
    await Promise.all([
      w.page.waitForNavigation(),
      w.page
        .getByRole('navigation', { name: t('account.title') })
        .getByRole('link', { name, exact: true })
        .click(),
    ]);
    await expect(w.page.locator('.tabs a[aria-current="page"]').innerText()).resolves.toBe(name);
    await w.step('tab');
  }

  const fieldError = (page: Page, label: string) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');

  it('Login password: Change password tab → current password, Password, Confirm password → [OK]', async () => {
    const w = await walker('password');
    const { page } = w;
    try {
      const member = await signUp(w);
      await logIn(w, member);
      await manageAccount(w, member);
      await tab(w, t('tab.password'));

      // A refusal first: the confirmation differs; the words stand next to that field, in the member's language.
      await page.getByLabel(t('field.currentPassword'), { exact: true }).fill(member.password);
      await page.getByLabel(t('field.newPassword'), { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t('field.newPasswordConfirmation'), { exact: true }).fill(`${NEW_PASSWORD}x`);
      await press(page, t('common.ok'));
      await expect(fieldError(page, t('field.newPasswordConfirmation')).innerText()).resolves.toBe(t('error.PASSWORD_CONFIRMATION_MISMATCH'));
      await expect(page.getByLabel(t('field.currentPassword'), { exact: true }).inputValue()).resolves.toBe('');
      await w.step('refused');

      await page.getByLabel(t('field.currentPassword'), { exact: true }).fill(member.password);
      await page.getByLabel(t('field.newPassword'), { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel(t('field.newPasswordConfirmation'), { exact: true }).fill(NEW_PASSWORD);
      await w.step('form');
      await press(page, t('common.ok'));
      await expect(flash(page).innerText()).resolves.toBe(t('password.done'));
      await w.step('done');

      // The new password is the one that signs in now.
      await press(page, t('nav.logout'));
      await logIn(w, member, NEW_PASSWORD);
      expect(w.blocked).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('Login ID: Change account tab → password and mobile number → [Next] → SMS code → new email → [Verify email] → email code → [Next]', async () => {
    const w = await walker('login-id');
    const { page } = w;
    try {
      const member = await signUp(w);
      await logIn(w, member);
      await manageAccount(w, member);
      await tab(w, t('tab.loginId'));
      await expect(page.locator('dd[data-field="memberType"]').innerText()).resolves.toBe(t('memberType.PERSONAL'));
      await expect(page.locator('dd[data-field="loginId"]').innerText()).resolves.toBe(member.loginId);

      // A number that is not the registered one: refused next to the field, what was typed kept.
      await page.getByLabel(t('field.currentPassword'), { exact: true }).fill(member.password);
      await page.getByLabel(t('field.mobilePhone'), { exact: true }).fill('+821099990000');
      await press(page, t('common.next'));
      await expect(fieldError(page, t('field.mobilePhone')).innerText()).resolves.toBe(t('error.IDENTITY_MISMATCH'));
      await expect(page.getByLabel(t('field.mobilePhone'), { exact: true }).inputValue()).resolves.toBe('+821099990000');
      await w.step('identity-refused');

      await page.getByLabel(t('field.currentPassword'), { exact: true }).fill(member.password);
      await page.getByLabel(t('field.mobilePhone'), { exact: true }).fill(member.mobilePhone);
      await w.step('identity');
      await press(page, t('common.next'));
      await expect(page.locator('.change-status').getAttribute('data-status')).resolves.toBe('AWAITING_IDENTITY_CODE');
      await page.getByLabel(t('field.code'), { exact: true }).fill(latestCode(member.mobilePhone, 'sms'));
      await w.step('sms-code');
      await press(page, t('common.next'));

      const newLoginId = uniqueEmail(`portal.${lang}.new`);
      await expect(page.locator('.change-status').getAttribute('data-status')).resolves.toBe('AWAITING_NEW_LOGIN_ID');
      await page.getByLabel(t('field.newLoginId'), { exact: true }).fill(newLoginId);
      await w.step('new-email');
      await press(page, t('loginId.verifyEmail'));
      await expect(page.locator('.change-status').getAttribute('data-status')).resolves.toBe('AWAITING_EMAIL_CODE');
      await page.getByLabel(t('field.code'), { exact: true }).fill(latestCode(newLoginId, 'email'));
      await w.step('email-code');
      await press(page, t('loginId.verifyCode'));
      await expect(page.locator('.change-status').getAttribute('data-status')).resolves.toBe('AWAITING_CONFIRMATION');
      await page.getByText(t('loginId.confirm', { newLoginId })).waitFor();
      await w.step('confirm');
      await press(page, t('common.next'));
      await expect(flash(page).innerText()).resolves.toBe(t('loginId.completed', { loginId: newLoginId }));
      await expect(page.locator('.change-status').getAttribute('data-status')).resolves.toBe('COMPLETED');
      await expect(page.locator('header .signed-in-as').innerText()).resolves.toBe(newLoginId);
      await w.step('done');
      expect(w.blocked).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('Basic information: Change member information tab → address, billing email, service area, mobile number (SMS code) → [OK]; a concurrent edit is shown, never lost', async () => {
    const w = await walker('info');
    const { page } = w;
    try {
      const member = await signUp(w);
      await logIn(w, member);
      await manageAccount(w, member);
      await tab(w, t('tab.info'));
      await expect(page.locator('dd[data-field="loginId"]').innerText()).resolves.toBe(member.loginId);

      await page.getByLabel(t('field.address.country'), { exact: true }).fill('KR');
      await page.getByLabel(t('field.address.postalCode'), { exact: true }).fill('06236');
      await page.getByLabel(t('field.address.line1'), { exact: true }).fill('152 Teheran-ro');
      await page.getByLabel(t('field.billingEmail'), { exact: true }).fill(`billing.${member.loginId}`);
      await page.getByLabel(t('field.serviceArea'), { exact: true }).selectOption('JP');
      await w.step('form');
      await press(page, t('common.ok'));
      await expect(flash(page).innerText()).resolves.toBe(t('info.saved'));
      await expect(page.getByLabel(t('field.serviceArea'), { exact: true }).inputValue()).resolves.toBe('JP');
      await w.step('saved');

      // Someone changes the billing email elsewhere while this page is open: the member's entries stay, the saved value is shown beside them.
      const login = await request(api.getHttpServer()).post('/api/v1/auth/login').send({ loginId: member.loginId, password: member.password }).expect(200);
      const token = login.body.accessToken as string;
      await request(api.getHttpServer()).post('/api/v1/auth/reauthenticate').auth(token, { type: 'bearer' }).send({ password: member.password }).expect(200);
      const current = await request(api.getHttpServer()).get('/api/v1/me/account').auth(token, { type: 'bearer' }).expect(200);
      await request(api.getHttpServer())
        .patch('/api/v1/me/account')
        .auth(token, { type: 'bearer' })
        .set('If-Match', `"${current.body.version}"`)
        .send({ billingEmail: `elsewhere.${member.loginId}` })
        .expect(200);
      await page.getByLabel(t('field.address.line2'), { exact: true }).fill('12F');
      await press(page, t('common.ok'));
      await page.getByText(t('info.conflict')).waitFor();
      await expect(page.getByLabel(t('field.address.line2'), { exact: true }).inputValue()).resolves.toBe('12F');
      await expect(page.getByLabel(t('field.billingEmail'), { exact: true }).inputValue()).resolves.toBe(`billing.${member.loginId}`);
      await page.getByText(t('info.savedValue', { value: `elsewhere.${member.loginId}` })).waitFor();
      await w.step('someone-changed-it');
      await press(page, t('common.ok'));
      await expect(flash(page).innerText()).resolves.toBe(t('info.saved'));
      await expect(page.getByLabel(t('field.address.line2'), { exact: true }).inputValue()).resolves.toBe('12F');

      // The mobile phone number, confirmed by the SMS code sent to the new number.
      const newMobile = uniqueMobile();
      await page.getByLabel(t('field.mobilePhone'), { exact: true }).fill(newMobile);
      await w.step('mobile');
      await press(page, t('info.mobileSend'));
      await page.getByText(t('info.mobileSent', { mobilePhone: newMobile })).waitFor();
      await page.getByLabel(t('field.code'), { exact: true }).fill(latestCode(newMobile, 'sms'));
      await w.step('mobile-code');
      await press(page, t('common.ok'), '/my/account/info/mobile-phone/confirm');
      await expect(flash(page).innerText()).resolves.toBe(t('info.mobileDone'));
      await expect(page.getByLabel(t('field.mobilePhone'), { exact: true }).inputValue()).resolves.toBe(newMobile);

      // The language in use: the pages follow it at once.
      const other: Lang = lang === 'ko' ? 'ja' : 'ko';
      await page.getByLabel(t('field.language'), { exact: true }).selectOption(other);
      await press(page, t('common.ok'));
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(other);
      await expect(flash(page).innerText()).resolves.toBe(wordsIn(other)('info.saved'));
      await w.step('done');
      expect(w.blocked).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('Required information: Support·FAQ → Data → the application form → Contact us → the application with the form and proof documents', async () => {
    const w = await walker('required-info');
    const { page } = w;
    try {
      const member = await signUp(w);
      await logIn(w, member);
      await Promise.all([
        page.waitForNavigation(),
        menu(page)
          .getByRole('link', { name: t('nav.support'), exact: true })
          .click(),
      ]);
      await Promise.all([
        page.waitForNavigation(),
        menu(page)
          .getByRole('link', { name: t('nav.data'), exact: true })
          .click(),
      ]);
      await page.getByRole('heading', { name: t('data.membership') }).waitFor();
      await w.step('data');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('required.download') }).click()]);
      const form = `artifacts/portal/${lang}-member-info-change-application.pdf`;
      await download.saveAs(form);
      expect(fs.readFileSync(form).subarray(0, 5).toString()).toBe('%PDF-');

      await Promise.all([
        page.waitForNavigation(),
        menu(page)
          .getByRole('link', { name: t('nav.contact'), exact: true })
          .click(),
      ]);
      await w.step('contact-us');
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('link', { name: t('required.fromSupport') })
          .first()
          .click(),
      ]);
      await page.getByLabel(t('field.name'), { exact: true }).fill('Lee Minji');
      await page.getByLabel(t('field.reason'), { exact: true }).fill('Name changed after marriage');
      await page.getByLabel(t('field.applicationForm'), { exact: true }).setInputFiles(form);
      await page.getByLabel(t('field.proofDocuments'), { exact: true }).setInputFiles([fixture('valid/proof.png'), fixture('valid/proof.jpg')]);
      await w.step('application');
      await press(page, t('required.submit'));
      await expect(flash(page).innerText()).resolves.toBe(t('required.submitted'));
      const row = page.locator('tr[data-application]').first();
      await expect(row.locator('.badge').innerText()).resolves.toBe(t('status.SUBMITTED'));
      await w.step('submitted');

      await Promise.all([page.waitForNavigation(), row.getByRole('link', { name: t('required.open') }).click()]);
      await expect(page.locator('ol.history li').count()).resolves.toBeGreaterThanOrEqual(1);
      await expect(page.locator('section li', { hasText: 'proof.png' }).count()).resolves.toBe(1);
      await w.step('history');
      await press(page, t('required.withdraw'));
      await expect(flash(page).innerText()).resolves.toBe(t('required.withdrawn'));
      await expect(page.locator('h2 .badge').innerText()).resolves.toBe(t('status.WITHDRAWN'));
      await w.step('withdrawn');

      // Contact us itself: an inquiry with an attachment, then listed.
      await Promise.all([
        page.waitForNavigation(),
        menu(page)
          .getByRole('link', { name: t('nav.contact'), exact: true })
          .click(),
      ]);
      await page.getByLabel(t('field.title'), { exact: true }).fill('Invoice question');
      await page.getByLabel(t('field.body'), { exact: true }).fill('Which address is on the invoice?');
      await page.getByLabel(`${t('field.attachments')} (${t('common.optional')})`, { exact: true }).setInputFiles(fixture('valid/proof.pdf'));
      await press(page, t('support.submit'));
      await expect(flash(page).innerText()).resolves.toBe(t('support.sent'));
      await page.getByRole('link', { name: 'Invoice question' }).waitFor();
      await w.step('inquiry-sent');
      expect(w.blocked).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});
