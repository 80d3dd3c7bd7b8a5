import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { keepScreenshot, launchChromium } from '../support/browser.js';
import { uniqueEmail } from '../support/factories.js';
import { startAdmin } from '../support/stack.js';

const PASSWORD = 'Rv7!kWq2#p';

// The compiler has no DOM library; this is the one browser function the test calls in the page.
interface BrowserWindow {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

/** Creates a reviewer with the operator command itself, as an operator would. */
function createReviewerWithCommand(name: string): string {
  const email = uniqueEmail('browser.reviewer');
  const script = path.resolve('dist/scripts/admin-create-user.js');
  const result = spawnSync(process.execPath, [script, '--email', email, '--password', PASSWORD, '--role', 'REVIEWER', '--name', name], {
    env: { ...process.env, NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`admin:create-user failed (${result.status}): ${result.stderr}`);
  return email;
}

describe('admin sign-in in a real browser', () => {
  let browser: Browser;
  let admin: INestApplication;
  let base: string;

  beforeAll(async () => {
    admin = await startAdmin();
    await admin.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(admin.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await admin?.close();
  });

  /** A fresh browser profile whose CSP refusals are collected. */
  async function freshPage(): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    return { context, page, blocked };
  }

  async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  const pathOf = (page: Page) => new URL(page.url()).pathname;

  it('a reviewer created by the command opens /, signs in, sees the queue with their name, and signs out', async () => {
    const name = 'Yoon Seojin';
    const email = createReviewerWithCommand(name);
    const { context, page, blocked } = await freshPage();
    try {
      expect((await page.goto(`${base}/`))?.status()).toBe(200);
      expect(pathOf(page)).toBe('/login');
      await page.getByRole('heading', { name: 'Reviewer sign-in' }).waitFor();
      // The served stylesheet applies under the strict CSP: the button has its colour.
      const background = await page
        .getByRole('button', { name: 'Sign in' })
        .evaluate((button) => (globalThis as unknown as BrowserWindow).getComputedStyle(button).backgroundColor);
      expect(background).toBe('rgb(11, 105, 163)');
      expect(fs.existsSync(await keepScreenshot(page, 'admin-sign-in'))).toBe(true);

      await submitSignIn(page, email, PASSWORD);
      expect(pathOf(page)).toBe('/queue');
      await page.getByText(`Signed in as ${name} (REVIEWER)`).waitFor();
      await page.getByRole('cell', { name: 'No applications yet' }).waitFor();
      const session = (await context.cookies()).find((cookie) => cookie.name === 'admin_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(fs.existsSync(await keepScreenshot(page, 'admin-queue'))).toBe(true);
      await page.goto(`${base}/`);
      expect(pathOf(page)).toBe('/queue');

      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign out' }).click()]);
      expect(pathOf(page)).toBe('/login');
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('admin_session');
      await page.goto(`${base}/queue`);
      expect(pathOf(page)).toBe('/login');
      expect(fs.existsSync(await keepScreenshot(page, 'admin-signed-out'))).toBe(true);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a wrong password shows a clear message, keeps the email and leaves the reviewer signed out', async () => {
    const email = createReviewerWithCommand('Han Yuna');
    const { context, page, blocked } = await freshPage();
    try {
      await page.goto(`${base}/login`);
      await submitSignIn(page, email, 'Wrong!pass9');
      expect(pathOf(page)).toBe('/login');
      await page.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();
      expect(await page.getByLabel('Email').inputValue()).toBe(email);
      expect(await page.getByLabel('Password').inputValue()).toBe('');
      expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('admin_session');
      expect(fs.existsSync(await keepScreenshot(page, 'admin-sign-in-wrong-password'))).toBe(true);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
