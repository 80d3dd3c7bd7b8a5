import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../libs/audit/src/index.js';
import { ReviewerAccountsService } from '../../libs/reviewers/src/index.js';
import { fixture, submitApplication } from '../support/application-client.js';
import { keepScreenshot, launchChromium } from '../support/browser.js';
import { aBusinessSignUp, uniqueEmail } from '../support/factories.js';
import { privilegedMember, signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { startAdmin, startApi } from '../support/stack.js';

const PASSWORD = 'Rv7!kWq2#p';

interface Reviewer {
  email: string;
  displayName: string;
  role: 'REVIEWER' | 'ADMIN';
}

// The compiler has no DOM library: the one property of a form field the test reads in the page.
interface FormField {
  validity: { valueMissing: boolean };
}

describe('reviewing an application in the admin pages, in a real browser', () => {
  let browser: Browser;
  let admin: INestApplication;
  let api: INestApplication;
  let base: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
    await admin.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(admin.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await admin?.close();
    await api?.close();
  });

  async function aReviewer(displayName: string, role: 'REVIEWER' | 'ADMIN' = 'REVIEWER'): Promise<Reviewer> {
    const email = uniqueEmail('review.browser');
    await admin.get(ReviewerAccountsService).create({ email, password: PASSWORD, role, displayName }, SYSTEM_ACTOR);
    return { email, displayName, role };
  }

  /** A fresh browser profile, signed in as the reviewer through the sign-in page; CSP refusals are collected. */
  async function signedInBrowser(reviewer: Reviewer): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill(reviewer.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${base}/queue`), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.getByText(`Signed in as ${reviewer.displayName} (${reviewer.role})`).waitFor();
    return { context, page, blocked };
  }

  /** Submits a form of the page by its button and waits for the page that answers. */
  async function press(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
  }

  const banner = (page: Page) => page.locator('main p[role="status"], main p[role="alert"]');
  const statusBadge = (page: Page) => page.locator('h1 .badge').first();
  const applicationJson = async (page: Page, id: string) => (await page.request.get(`${base}/admin/api/v1/applications/${id}`)).json();
  const memberGet = (member: SignedInMember, url: string) => request(api.getHttpServer()).get(`/api/v1${url}`).auth(member.token, { type: 'bearer' });

  async function anApplication(name = 'Lee Minji'): Promise<{ member: SignedInMember; id: string }> {
    const member = await signUpAndLogin(api, { name: 'Kim Minji' });
    const { body } = await submitApplication(api, member, { name, reason: 'Name changed after marriage' }).expect(201);
    return { member, id: body.id as string };
  }

  it('queue → detail → document → claim → request information → member answers → claim → approve', async () => {
    const member = await privilegedMember(api, { name: 'Kim Minji' });
    const submitted = await submitApplication(api, member, { name: 'Lee Minji', reason: 'Name changed after marriage' }).expect(201);
    const id = submitted.body.id as string;
    const reviewer = await aReviewer('Jang Haneul');
    const { context, page, blocked } = await signedInBrowser(reviewer);
    try {
      // The queue: oldest first, our application with its member and requested change, unclaimed.
      const row = page.getByRole('row').filter({ hasText: member.loginId });
      await row.waitFor();
      await expect(row.getByRole('cell').nth(2).innerText()).resolves.toBe('Name → Lee Minji');
      await expect(row.getByRole('cell').nth(3).innerText()).resolves.toContain('Submitted');
      await expect(row.getByRole('cell').nth(4).innerText()).resolves.toBe('—');
      expect(fs.existsSync(await keepScreenshot(page, 'admin-review-queue'))).toBe(true);

      // The filter form (a plain GET): the application is submitted, not overdue.
      await page.getByLabel('Status').selectOption('SUBMITTED');
      await press(page, 'Apply');
      expect(new URL(page.url()).search).toBe('?status=SUBMITTED');
      await page.getByRole('row').filter({ hasText: member.loginId }).waitFor();
      await page.getByLabel('Overdue only').check();
      await press(page, 'Apply');
      expect(await page.getByRole('row').filter({ hasText: member.loginId }).count()).toBe(0);
      await page.getByRole('cell', { name: 'No applications match this filter' }).waitFor();
      await page.goto(`${base}/queue`);

      await Promise.all([
        page.waitForURL(`${base}/queue/${id}`),
        page.getByRole('row').filter({ hasText: member.loginId }).getByRole('link', { name: 'Open' }).click(),
      ]);
      await expect(statusBadge(page).innerText()).resolves.toBe('Submitted');
      const nameRow = page.locator('table.comparison tr', { hasText: 'Name' }).first();
      await expect(nameRow.getAttribute('class')).resolves.toBe('changed');
      await expect(nameRow.locator('td').allInnerTexts()).resolves.toEqual(['Kim Minji', 'Lee Minji Changed']);
      await page.getByText('Name changed after marriage').waitFor();
      expect(await page.locator('table.documents tbody tr').count()).toBe(2);
      expect(fs.existsSync(await keepScreenshot(page, 'admin-review-detail'))).toBe(true);

      // "View" opens the document inline in a new tab; "Download" saves it under its name.
      const proofRow = page.locator('table.documents tr', { hasText: 'proof.png' });
      const [tab] = await Promise.all([context.waitForEvent('page'), proofRow.getByRole('link', { name: /^View/ }).click()]);
      await tab.waitForLoadState();
      expect(tab.url()).toMatch(new RegExp(`/admin/api/v1/applications/${id}/documents/[0-9a-f-]{36}\\?inline=true$`));
      const viewed = await tab.reload();
      expect(viewed?.status()).toBe(200);
      expect(viewed?.headers()['content-type']).toBe('image/png');
      expect(viewed?.headers()['content-disposition']).toMatch(/^inline; filename="proof.png"/);
      await tab.close();
      const [download] = await Promise.all([page.waitForEvent('download'), proofRow.getByRole('link', { name: /^Download/ }).click()]);
      expect(download.suggestedFilename()).toBe('proof.png');

      // Claim, then ask the member for more information.
      await press(page, 'Claim');
      await expect(banner(page).innerText()).resolves.toContain('You claimed this application');
      await expect(statusBadge(page).innerText()).resolves.toBe('In review');
      await page.getByLabel('Message to the member').fill('Please add the court decision');
      await press(page, 'Request information');
      await expect(banner(page).innerText()).resolves.toContain('Information requested');
      await expect(statusBadge(page).innerText()).resolves.toBe('Information requested');
      await expect(page.locator('p.info-request').innerText()).resolves.toBe('Please add the court decision');
      await page.getByText('Waiting for the member to add documents').waitFor();
      expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      const asked = await memberGet(member, `/me/required-info-applications/${id}`).expect(200);
      expect(asked.body).toMatchObject({ status: 'INFO_REQUESTED', infoRequestMessage: 'Please add the court decision' });

      // The member adds a document: the application is back in the queue.
      await request(api.getHttpServer())
        .post(`/api/v1/me/required-info-applications/${id}/documents`)
        .auth(member.token, { type: 'bearer' })
        .attach('proofDocuments', fixture('valid/proof.jpg'))
        .expect(200);
      await page.reload();
      await expect(statusBadge(page).innerText()).resolves.toBe('Submitted');
      expect(await page.locator('table.documents tbody tr').count()).toBe(3);

      await press(page, 'Claim');
      await press(page, 'Approve');
      await expect(banner(page).innerText()).resolves.toContain('Approved');
      await expect(statusBadge(page).innerText()).resolves.toBe('Approved');
      await expect(page.locator('table.comparison tr', { hasText: 'Name' }).first().locator('td').first().innerText()).resolves.toBe('Lee Minji');
      const history = await page.locator('table.history tbody tr td:nth-child(3)').allInnerTexts();
      expect(history).toEqual([
        '— → Submitted',
        'Submitted → In review',
        'In review → Information requested',
        'Information requested → Submitted',
        'Submitted → In review',
        'In review → Approved',
      ]);
      expect(await page.locator('aside.actions form').count()).toBe(0);
      expect(fs.existsSync(await keepScreenshot(page, 'admin-review-approved'))).toBe(true);

      expect(await applicationJson(page, id)).toMatchObject({ status: 'APPROVED', current: { name: 'Lee Minji' } });
      const account = await memberGet(member, '/me/account').expect(200);
      expect(account.body).toMatchObject({ name: 'Lee Minji' });
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a rejection without a reason shows the error and changes nothing; with a reason it is rejected', async () => {
    const { member, id } = await anApplication();
    const { context, page, blocked } = await signedInBrowser(await aReviewer('Seo Yerin'));
    try {
      await page.goto(`${base}/queue/${id}`);
      await press(page, 'Claim');
      const reason = page.getByLabel('Reason for rejection');
      // Empty, the browser itself keeps the form (the field is required) …
      await page.getByRole('button', { name: 'Reject', exact: true }).click();
      await expect(reason.evaluate((field) => (field as unknown as FormField).validity.valueMissing)).resolves.toBe(true);
      expect(page.url()).toBe(`${base}/queue/${id}?done=claimed`);
      // … and blank, the server refuses it and says why.
      await reason.fill('   ');
      await press(page, 'Reject');
      await expect(page.getByRole('alert').innerText()).resolves.toBe('A reason is required to reject the application.');
      await page.locator('.field-error', { hasText: 'A reason is required.' }).waitFor();
      await expect(statusBadge(page).innerText()).resolves.toBe('In review');
      expect(await applicationJson(page, id)).toMatchObject({ status: 'IN_REVIEW', rejectionReason: null });
      expect(fs.existsSync(await keepScreenshot(page, 'admin-review-reject-without-reason'))).toBe(true);

      await page.getByLabel('Reason for rejection').fill('The documents do not show the new name');
      await press(page, 'Reject');
      await expect(statusBadge(page).innerText()).resolves.toBe('Rejected');
      await expect(page.locator('p.rejection').innerText()).resolves.toBe('The documents do not show the new name');
      const seen = await memberGet(member, `/me/required-info-applications/${id}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'The documents do not show the new name' });
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('two reviewers: the second to claim is told another reviewer claimed it first, then sees no decision buttons', async () => {
    const { member, id } = await anApplication();
    const first = await signedInBrowser(await aReviewer('Moon Dahye'));
    const second = await signedInBrowser(await aReviewer('Oh Jaewon'));
    try {
      // Both have the submitted application open; the first claims it.
      await first.page.goto(`${base}/queue/${id}`);
      await second.page.goto(`${base}/queue/${id}`);
      await press(first.page, 'Claim');
      await press(second.page, 'Claim');
      await expect(second.page.getByRole('alert').innerText()).resolves.toBe('Another reviewer claimed it first.');
      await second.page.getByText('Claimed by another reviewer (Moon Dahye)').waitFor();
      for (const button of ['Claim', 'Approve', 'Reject', 'Request information', 'Release to the queue']) {
        expect(await second.page.getByRole('button', { name: button, exact: true }).count()).toBe(0);
      }
      expect(fs.existsSync(await keepScreenshot(second.page, 'admin-review-claimed-by-another'))).toBe(true);

      await second.page.goto(`${base}/queue`);
      const row = second.page.getByRole('row').filter({ hasText: member.loginId });
      await expect(row.getByRole('cell').nth(4).innerText()).resolves.toBe('Another reviewer');
      await first.page.goto(`${base}/queue`);
      await expect(first.page.getByRole('row').filter({ hasText: member.loginId }).getByRole('cell').nth(4).innerText()).resolves.toBe('You');

      // The claimant decides; nothing is left open in the queue for the other suites of the tier.
      await first.page.goto(`${base}/queue/${id}`);
      await first.page.getByLabel('Reason for rejection').fill('Duplicate of an earlier application');
      await press(first.page, 'Reject');
      await expect(statusBadge(first.page).innerText()).resolves.toBe('Rejected');
      expect(first.blocked).toEqual([]);
      expect(second.blocked).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('four eyes: a BRN change approved by A waits for a second; A is refused the second approval; B applies it', async () => {
    const member = await privilegedMember(api, aBusinessSignUp());
    const { body } = await submitApplication(api, member, { businessRegistrationNumber: '124-81-56788', reason: 'New registration' }).expect(201);
    const id = body.id as string;
    const a = await signedInBrowser(await aReviewer('Han Seojun'));
    const b = await signedInBrowser(await aReviewer('Yoon Ara'));
    const boss = await signedInBrowser(await aReviewer('Choi Admin', 'ADMIN'));
    try {
      await a.page.goto(`${base}/queue/${id}`);
      await a.page.getByText('Four eyes: this change needs the approval of two different reviewers.').waitFor();
      await press(a.page, 'Claim');
      // A second tab of A's keeps the page with the approve button.
      const stale = await a.context.newPage();
      await stale.goto(`${base}/queue/${id}`);
      await press(a.page, 'Approve (first of two)');
      await expect(banner(a.page).innerText()).resolves.toBe('First approval recorded: a different reviewer must claim it and give the second approval.');
      await expect(statusBadge(a.page).innerText()).resolves.toBe('Awaiting second approval');
      await a.page.getByText('You gave the first approval. A different reviewer must claim it and give the second.').waitFor();
      expect(await a.page.getByRole('button', { name: 'Claim for the second approval' }).count()).toBe(0);
      expect(fs.existsSync(await keepScreenshot(a.page, 'admin-review-four-eyes-first-approval'))).toBe(true);

      // The workflow itself refuses A, not only the page.
      const [response] = await Promise.all([stale.waitForNavigation(), stale.getByRole('button', { name: 'Approve (first of two)' }).click()]);
      expect(response?.status()).toBe(422);
      await expect(stale.getByRole('alert').innerText()).resolves.toBe('Four eyes: you gave the first approval, so a different reviewer must give the second.');
      expect(fs.existsSync(await keepScreenshot(stale, 'admin-review-four-eyes-refused'))).toBe(true);

      // The second approval has its own queue filter.
      await b.page.goto(`${base}/queue?status=AWAITING_SECOND_APPROVAL`);
      await b.page.getByRole('row').filter({ hasText: member.loginId }).waitFor();
      await b.page.goto(`${base}/queue/${id}`);
      await press(b.page, 'Claim for the second approval');

      // An administrator sees who holds it and may free the claim; B claims it again.
      await boss.page.goto(`${base}/queue/${id}`);
      await boss.page.getByRole('heading', { name: 'Administrator' }).waitFor();
      expect(fs.existsSync(await keepScreenshot(boss.page, 'admin-review-admin-reassign'))).toBe(true);
      await press(boss.page, 'Free the claim');
      await expect(banner(boss.page).innerText()).resolves.toBe('The claim was changed; the previous claimant is told by email.');
      await b.page.goto(`${base}/queue/${id}`);
      await press(b.page, 'Claim for the second approval');

      await press(b.page, 'Give the second approval');
      await expect(statusBadge(b.page).innerText()).resolves.toBe('Approved');
      expect(fs.existsSync(await keepScreenshot(b.page, 'admin-review-four-eyes-approved'))).toBe(true);
      const account = await memberGet(member, '/me/account').expect(200);
      expect(account.body.businessRegistrationNumber).toBe('******6788');
      const detail = await memberGet(member, `/me/required-info-applications/${id}`).expect(200);
      expect(detail.body.history.map((entry: { to: string }) => entry.to)).toContain('AWAITING_SECOND_APPROVAL');
      for (const session of [a, b, boss]) expect(session.blocked).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
      await boss.context.close();
    }
  });
});
