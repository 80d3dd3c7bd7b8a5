// P8 (quality.md): each member-portal page's server time p99 ≤ 2 × the p99 of the API calls it
// makes, those calls measured alone in the same run. Run by hand: `npm run bench:portal`.
// Loopback only, bounded in count; a throwaway SQLite database under var/bench/, removed at the end.
//
// The API and the portal run in this process (as the browser tests run them); one member signs in
// to the portal through its own forms (CSRF token, sealed cookie) and re-enters the password once;
// a second session of the same member makes the reference calls. Each round requests the page once
// and then its API calls once, in turn, so that the machine's noise falls on both sides alike.
//
// Flags: --rounds N (per page, default 200), --warmup N (default 20).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '../apps/api/src/api-app.js';
import { createPortalApp, type PortalApp } from '../apps/portal/src/portal-app.js';
import { createPortalLogger } from '../apps/portal/src/logger.js';
import { loadConfig } from '#app/config';
import { createJsonLogger } from '#app/web';
import { assertKnownArgs, intArg } from './lib/cli-args.js';
import { summariseLatencies } from './lib/percentile.js';
import { migrate } from './lib/migrate.js';

assertKnownArgs(['rounds', 'warmup']);
const rounds = intArg('rounds', 200, 10, 10_000);
const warmup = intArg('warmup', 20, 0, 1_000);
const TARGET_RATIO = 2;
const PASSWORD = 'Bench!2345a';

interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly ifMatch?: boolean;
  /** Statuses the call answers normally (e.g. 404 for "no login-ID change yet"). */
  readonly ok?: readonly number[];
}

interface PageCase {
  readonly page: string;
  readonly method?: 'GET' | 'POST';
  readonly form?: Record<string, string>;
  readonly calls: readonly ApiCall[];
}

const ACCOUNT_VALUES = {
  language: 'en',
  billingEmail: 'bench.billing@example.com',
  serviceArea: 'KR',
  'address.country': 'KR',
  'address.postalCode': '06236',
  'address.line1': '152 Teheran-ro',
  'address.line2': '',
};

// The login-ID tab is left out: GET /me/login-id-change asks Temporal, which this bench does not
// start (bench:login-id-change measures that path, P4).
const PAGES: readonly PageCase[] = [
  { page: '/my/account', calls: [{ method: 'GET', path: '/me/account' }] },
  { page: '/my/account/info', calls: [{ method: 'GET', path: '/me/account' }] },
  { page: '/my/account/required-info', calls: [{ method: 'GET', path: '/me/required-info-applications' }] },
  { page: '/support', calls: [{ method: 'GET', path: '/me/inquiries' }] },
  { page: '/my/sessions', calls: [{ method: 'GET', path: '/me/sessions' }] },
  {
    page: '/my/account/info',
    method: 'POST',
    form: ACCOUNT_VALUES,
    // The form posts the same values each time: a change that alters nothing keeps the version.
    calls: [
      {
        method: 'PATCH',
        path: '/me/account',
        ifMatch: true,
        body: {
          language: 'en',
          billingEmail: 'bench.billing@example.com',
          serviceArea: 'KR',
          address: { country: 'KR', postalCode: '06236', line1: '152 Teheran-ro' },
        },
      },
    ],
  },
];

class Browserless {
  private cookie = '';

  constructor(private readonly base: string) {}

  async request(method: string, route: string, form?: Record<string, string>): Promise<{ status: number; text: string }> {
    const res = await fetch(`${this.base}${route}`, {
      method,
      redirect: 'manual',
      headers: { cookie: this.cookie, 'accept-language': 'en', ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return { status: res.status, text: await res.text() };
  }

  async csrf(route: string): Promise<string> {
    const { text } = await this.request('GET', route);
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (!token) throw new Error(`no CSRF token on ${route}`);
    return token;
  }
}

async function apiJson(base: string, method: string, route: string, body?: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/api/v1${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${await res.text()}`);
  return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
}

async function main(): Promise<void> {
  const runDir = path.resolve('var/bench', `portal-${Date.now()}-${randomBytes(3).toString('hex')}`);
  fs.mkdirSync(runDir, { recursive: true });
  let api: INestApplication | undefined;
  let portal: PortalApp | undefined;
  try {
    const env = {
      ...process.env,
      DATABASE_URL: `sqlite:${path.join(runDir, 'app.sqlite')}`,
      BCRYPT_COST: '4',
      RATE_LIMIT_PER_MINUTE: '100000',
      REAUTH_WINDOW_SECONDS: '3600',
      LOG_LEVEL: 'silent',
      OUTBOX_DIR: path.join(runDir, 'outbox'),
      DOCUMENTS_DIR: path.join(runDir, 'documents'),
      // Nothing listens there: these pages never need Temporal, and the API connects lazily.
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      PORTAL_API_SECRET: randomBytes(32).toString('base64url'),
      PORTAL_COOKIE_SECRET: randomBytes(32).toString('base64url'),
    };
    const config = loadConfig(env);
    await migrate(config.database);
    api = await createApiApp(config, createJsonLogger('api', 'silent'));
    await api.listen(0, '127.0.0.1');
    const apiBase = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    portal = createPortalApp(config, createPortalLogger('silent'), apiBase);
    const portalBase = `http://127.0.0.1:${((await portal.listen(0, '127.0.0.1')).address() as AddressInfo).port}`;

    // One member; the portal's session signs in through the portal's forms.
    const loginId = `bench.portal.${randomBytes(3).toString('hex')}@example.com`;
    await apiJson(apiBase, 'POST', '/members', {
      loginId,
      password: PASSWORD,
      name: 'Bench Member',
      memberType: 'PERSONAL',
      mobilePhone: '+821055501234',
      language: 'en',
      serviceArea: 'KR',
      billingEmail: loginId,
    });
    const browser = new Browserless(portalBase);
    const signedIn = await browser.request('POST', '/login', { _csrf: await browser.csrf('/login'), loginId, password: PASSWORD, next: '/my' });
    if (signedIn.status !== 303) throw new Error(`portal sign-in answered ${signedIn.status}`);
    const gate = await browser.request('POST', '/my/account', { _csrf: await browser.csrf('/my/account'), password: PASSWORD, next: '/my/account' });
    if (gate.status !== 303) throw new Error(`portal gate answered ${gate.status}`);
    const csrf = await browser.csrf('/my/account/info');
    const login = await apiJson(apiBase, 'POST', '/auth/login', { loginId, password: PASSWORD });
    const token = login.accessToken as string;
    await apiJson(apiBase, 'POST', '/auth/reauthenticate', { password: PASSWORD }, token);
    const apiHeaders = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-portal-secret': env.PORTAL_API_SECRET,
      'x-forwarded-for': '127.0.0.1',
    };

    console.log(`P8 portal pages vs their API calls: ${rounds} rounds each after ${warmup} warm-up, one at a time`);
    console.log(`${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}, Node ${process.version}, SQLite`);
    console.log('page | page p50 / p99 ms | its API calls p50 / p99 ms | p99 ratio');
    const results: string[] = [];
    for (const pageCase of PAGES) {
      const method = pageCase.method ?? 'GET';
      const form: Record<string, string> | undefined = pageCase.form ? { ...pageCase.form, _csrf: csrf } : undefined;
      const pageTimes: number[] = [];
      const apiTimes: number[] = [];
      let version = 0;
      for (let round = 0; round < warmup + rounds; round += 1) {
        // Read outside the timed part: the first post may change the values the member signed up with.
        if (form) {
          version = (await apiJson(apiBase, 'GET', '/me/account', undefined, token)).version as number;
          form.version = String(version);
        }
        let started = performance.now();
        const answered = await browser.request(method, pageCase.page, form);
        const pageMs = performance.now() - started;
        if (answered.status !== (method === 'POST' ? 303 : 200)) throw new Error(`${method} ${pageCase.page} answered ${answered.status}`);
        if (form) version = (await apiJson(apiBase, 'GET', '/me/account', undefined, token)).version as number;
        started = performance.now();
        for (const call of pageCase.calls) {
          const res = await fetch(`${apiBase}/api/v1${call.path}`, {
            method: call.method,
            headers: { ...apiHeaders, ...(call.ifMatch ? { 'if-match': `"${version}"` } : {}) },
            body: call.body === undefined ? undefined : JSON.stringify(call.body),
          });
          await res.arrayBuffer();
          if (!(call.ok ?? [200]).includes(res.status)) throw new Error(`${call.method} ${call.path} answered ${res.status}`);
        }
        const apiMs = performance.now() - started;
        if (round >= warmup) {
          pageTimes.push(pageMs);
          apiTimes.push(apiMs);
        }
      }
      const page = summariseLatencies(pageTimes);
      const reference = summariseLatencies(apiTimes);
      const ratio = page.p99 / reference.p99;
      const name = `${method} ${pageCase.page}`;
      console.log(
        `${name} | ${page.p50.toFixed(1)} / ${page.p99.toFixed(1)} | ${reference.p50.toFixed(1)} / ${reference.p99.toFixed(1)} (${pageCase.calls.map((call) => `${call.method} ${call.path}`).join(', ')}) | ${ratio.toFixed(2)}x`,
      );
      results.push(`RESULT P8 page="${name}" ratio=${ratio.toFixed(2)}x target=${TARGET_RATIO}x ${ratio <= TARGET_RATIO ? 'PASS' : 'MISS'}`);
    }
    for (const line of results) console.log(line);
  } finally {
    await portal?.close();
    await api?.close();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
