import fs from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { keepScreenshot, launchChromium } from '../support/browser.js';
import { startAdmin, startApi, listenOnLoopback } from '../support/stack.js';

describe('OpenAPI pages render in a real browser under the security headers', () => {
  let browser: Browser;
  let api: INestApplication;
  let admin: INestApplication;

  beforeAll(async () => {
    browser = await launchChromium();
    api = await startApi();
    admin = await startAdmin();
  });
  afterAll(async () => {
    await browser.close();
    await api.close();
    await admin.close();
  });

  it.each([
    ['api', () => api, '/api/docs', 'member API'],
    ['admin', () => admin, '/admin/api/docs', 'reviewer admin API'],
  ])('%s docs show the title and the operations', async (name, app, docsPath, title) => {
    const base = await listenOnLoopback(app());
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${base}${docsPath}`);
    await page.getByRole('heading', { name: new RegExp(title) }).waitFor({ timeout: 15_000 });
    await page.getByText('/health').first().waitFor();
    expect(blocked).toEqual([]);
    expect(fs.existsSync(await keepScreenshot(page, `${name}-openapi`))).toBe(true);
    await page.close();
  });
});
