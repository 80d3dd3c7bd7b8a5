// The member portal in-process, pointed at an API listening on loopback, as the browser tests and
// the bench use it. Its logs go to the run's portal.log, like the other apps'.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pino } from 'pino';
import { createPortalApp, type PortalApp } from '../../apps/portal/src/portal-app.js';
import { createPortalLogger } from '../../apps/portal/src/logger.js';
import { translator } from '../../apps/portal/src/i18n/translate.js';
import type { Lang } from '../../apps/portal/src/i18n/lang.js';
import { runDir, stackConfig } from './stack.js';

/** The portal secret the tests run with (the API trusts X-Forwarded-For only with it). */
export const TEST_PORTAL_API_SECRET = 'portal-test-secret-0123456789abcdef0123456789';

export interface RunningPortal {
  readonly portal: PortalApp;
  readonly base: string;
  close(): Promise<void>;
}

export async function startPortal(apiUrl: string, overrides: Record<string, string> = {}): Promise<RunningPortal> {
  const config = stackConfig({
    PORTAL_API_SECRET: TEST_PORTAL_API_SECRET,
    PORTAL_COOKIE_SECRET: 'portal-cookie-secret-for-tests-0123456789abcdef',
    ...overrides,
  });
  const logger = createPortalLogger('info', pino.destination({ dest: path.join(runDir(), 'portal.log'), sync: true, append: true, mkdir: true }));
  const portal = createPortalApp(config, logger, apiUrl);
  const server = await portal.listen(0, '127.0.0.1');
  return { portal, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => portal.close() };
}

/** The portal's words in one language, so a test clicks exactly what a member reads. */
export const wordsIn = (lang: Lang) => translator(lang);

/** Keeps a screenshot of a step under artifacts/portal/. */
export async function keepPortalScreenshot(page: Page, name: string): Promise<string> {
  const file = path.resolve('artifacts', 'portal', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
