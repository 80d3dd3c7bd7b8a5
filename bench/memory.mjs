// P6 (quality.md): resident memory of the built API, admin app, member portal and worker — idle after
// start, and after a short load run. Run by hand: `npm run build && npm run bench:memory`.
//
// Starts what quickstart starts, each process as `npm run start:*` starts it (same node flags, read
// from package.json), on a throwaway SQLite database and outbox under the OS temp folder and an
// in-memory Temporal dev server, all on free loopback ports. The load: the member API's account
// page and logins, the admin API's reviewer login and queue, login-ID changes started by members
// (each runs a workflow and its activities on the worker), and a member's portal pages (signed in
// through the portal's own forms; each page calls the API). Bounded; removes what it made.
// Flags: --seconds N per load phase (default 5), --members N login-ID changes started (default 20),
// --node-flags "…" (node flags added for every process, to measure one before it goes into the
// start:* scripts).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { URLSearchParams } from 'node:url';
import { findTemporalCli, freePort, startDevServer, stopProcess, waitFor } from '../scripts/lib/temporal-cli.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TARGETS_MB = { api: 150, admin: 150, portal: 120, worker: 200 };
const APPS = ['api', 'admin', 'portal', 'worker'];
// Portal pages loaded after sign-in (the password gate passed once), each on its own connections.
const PORTAL_PAGES = ['/my/account', '/my/account/info', '/my/account/required-info', '/my/sessions', '/support'];
const arg = (name, fallback, max) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return value;
};
const seconds = arg('seconds', 5, 60);
const members = arg('members', 20, 200);
const flagAt = process.argv.indexOf('--node-flags');
const extraFlags = flagAt > 0 ? (process.argv[flagAt + 1] ?? '').split(/\s+/).filter(Boolean) : [];
const { generateLoad } = await import(path.join(ROOT, 'dist/bench/lib/load-generator.js'));
const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;

/** The environment assignments, node flags and entry of `npm run start:<name>` (`[NAME=value …] node [flags] <entry>`). */
function startCommand(name) {
  const words = scripts[`start:${name}`].split(/\s+/);
  const assignments = [];
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) assignments.push(words.shift());
  if (words[0] !== 'node') throw new Error(`start:${name} does not start with node`);
  const env = Object.fromEntries(assignments.map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]));
  return { env, args: [...extraFlags, ...words.slice(1)], shown: [...assignments, 'node', ...extraFlags, ...words.slice(1, -1)].join(' ') };
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return {
    rss: kb('VmRSS') / 1024,
    peak: kb('VmHWM') / 1024,
    anon: kb('RssAnon') / 1024,
    file: kb('RssFile') / 1024,
    threads: Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? NaN),
  };
}

async function json(base, method, route, body, token) {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${await res.text()}`);
  return res.status === 204 ? {} : res.json();
}

const sum = (results, field) => results.reduce((total, result) => total + result[field], 0);

/** Signs a member in through the portal's own forms (CSRF token, sealed cookie) and passes the password gate once; returns the cookie. */
async function portalSignIn(base, loginId, password) {
  let cookie = '';
  const request = async (method, route, form) => {
    const res = await fetch(`${base}${route}`, {
      method,
      redirect: 'manual',
      headers: { cookie, 'accept-language': 'en', ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    return { status: res.status, text: await res.text() };
  };
  const csrf = async (route) => {
    const token = /name="_csrf" value="([^"]+)"/.exec((await request('GET', route)).text)?.[1];
    if (!token) throw new Error(`no CSRF token on the portal's ${route}`);
    return token;
  };
  const signedIn = await request('POST', '/login', { _csrf: await csrf('/login'), loginId, password, next: '/my' });
  if (signedIn.status !== 303) throw new Error(`portal sign-in answered ${signedIn.status}`);
  const gate = await request('POST', '/my/account', { _csrf: await csrf('/my/account'), password, next: '/my/account' });
  if (gate.status !== 303) throw new Error(`portal password gate answered ${gate.status}`);
  return cookie;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mac-bench-memory-'));
const children = [];
let temporal;
try {
  const ports = { api: await freePort(), admin: await freePort(), portal: await freePort(), worker: await freePort(), temporal: await freePort() };
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: `sqlite:${path.join(dir, 'app.sqlite')}`,
    OUTBOX_DIR: path.join(dir, 'outbox'),
    DOCUMENTS_DIR: path.join(dir, 'documents'),
    API_PORT: String(ports.api),
    ADMIN_PORT: String(ports.admin),
    WORKER_PORT: String(ports.worker),
    PORTAL_PORT: String(ports.portal),
    PORTAL_API_URL: `http://127.0.0.1:${ports.api}`,
    // As quickstart: the API trusts the portal's forwarded browser address; the portal seals its cookie.
    PORTAL_API_SECRET: randomBytes(32).toString('base64url'),
    PORTAL_COOKIE_SECRET: randomBytes(32).toString('base64url'),
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    TEMPORAL_TASK_QUEUE: `bench-memory-${process.pid}`,
    BCRYPT_COST: '4',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
  };
  delete env.NODE_OPTIONS;
  for (const script of ['migrate', 'seed-demo']) {
    const result = spawnSync(process.execPath, [`dist/scripts/${script}.js`], { cwd: ROOT, env, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${script} failed`);
  }
  temporal = await startDevServer({ cli: findTemporalCli(), port: ports.temporal, logFile: path.join(dir, 'temporal.log') });
  const pids = {};
  for (const name of ['worker', 'api', 'admin', 'portal']) {
    const out = fs.openSync(path.join(dir, `${name}.log`), 'a');
    const start = startCommand(name);
    const child = spawn(process.execPath, start.args, { cwd: ROOT, env: { ...env, ...start.env }, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    children.push(child);
    pids[name] = child.pid;
  }
  const healthy = async (port) => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status === 200;
  await waitFor(async () => (await healthy(ports.api)) && (await healthy(ports.admin)) && (await healthy(ports.portal)) && (await healthy(ports.worker)), {
    timeoutMs: 120_000,
    what: `the API, admin app, portal and worker to report healthy (logs in ${dir})`,
  });
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const idle = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMb(pid)]));

  // Load: members sign up, log in, re-authenticate, read their account and start a login-ID change.
  const api = `http://127.0.0.1:${ports.api}/api/v1`;
  const admin = `http://127.0.0.1:${ports.admin}/admin/api/v1`;
  const password = 'Qz7!mKp2#x';
  const tokens = [];
  for (let i = 0; i < members; i++) {
    const loginId = `bench.memory.${i}.${process.pid}@example.com`;
    const mobilePhone = `+8210${String(20_000_000 + i).padStart(8, '0')}`;
    await json(api, 'POST', '/members', {
      loginId,
      password,
      name: 'Bench Member',
      memberType: 'PERSONAL',
      mobilePhone,
      language: 'en',
      serviceArea: 'KR',
      billingEmail: loginId,
    });
    const token = (await json(api, 'POST', '/auth/login', { loginId, password })).accessToken;
    await json(api, 'POST', '/auth/reauthenticate', { password }, token);
    await json(api, 'POST', '/me/login-id-change', { currentPassword: password, mobilePhone }, token);
    tokens.push(token);
  }
  const reviewerToken = (await json(admin, 'POST', '/auth/login', { email: 'demo.reviewer@example.com', password: 'Review!2345' })).accessToken;
  const portalCookie = await portalSignIn(`http://127.0.0.1:${ports.portal}`, `bench.memory.0.${process.pid}@example.com`, password);
  const load = (url, headers, connections) => generateLoad({ url, headers, connections, durationMs: seconds * 1_000, maxRequests: 1_000_000 });
  const [account, queue, ...pages] = await Promise.all([
    load(`${api}/me/account`, { authorization: `Bearer ${tokens[0]}` }, 20),
    load(`${admin}/applications`, { authorization: `Bearer ${reviewerToken}` }, 20),
    ...PORTAL_PAGES.map((page) => load(`http://127.0.0.1:${ports.portal}${page}`, { cookie: portalCookie, 'accept-language': 'en' }, 4)),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const loaded = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMb(pid)]));
  // Where the resident memory is, by the processes' own Prometheus figures.
  const breakdown = {};
  for (const name of APPS) {
    const text = await (await fetch(`http://127.0.0.1:${ports[name]}/metrics`)).text().catch(() => '');
    const figure = (metric) => Number(new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 1_048_576;
    breakdown[name] =
      `V8 heap ${figure('nodejs_heap_size_total_bytes').toFixed(0)} (used ${figure('nodejs_heap_size_used_bytes').toFixed(0)}), external ${figure('nodejs_external_memory_bytes').toFixed(0)}`;
  }

  console.log(`P6 — resident memory (MB), ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`);
  console.log(
    `  load: ${members} members signed up, logged in and started a login-ID change; then ${seconds} s of GET /me/account ` +
      `(${account.requests} answered, ${account.errors} errors) and GET /admin/api/v1/applications (${queue.requests}, ${queue.errors} errors), 20 connections each; ` +
      `portal pages ${PORTAL_PAGES.join(', ')} (${sum(pages, 'requests')} answered, ${sum(pages, 'errors')} errors), 4 connections each`,
  );
  const lines = [];
  for (const name of APPS) {
    const after = loaded[name];
    const pass = after.rss <= TARGETS_MB[name] ? 'PASS' : 'MISS';
    console.log(
      `  ${name.padEnd(6)} idle ${idle[name].rss.toFixed(0).padStart(4)}  after load ${after.rss.toFixed(0).padStart(4)}  peak ${after.peak.toFixed(0).padStart(4)}  ` +
        `(target ≤ ${TARGETS_MB[name]} after load: ${pass})   ${startCommand(name).shown}`,
    );
    console.log(`         anonymous ${after.anon.toFixed(0)}, file-backed ${after.file.toFixed(0)}, ${after.threads} threads; ${breakdown[name]}`);
    lines.push(`RESULT P6 ${name}_rss_mb=${after.rss.toFixed(0)} target=${TARGETS_MB[name]} ${pass}`);
  }
  for (const line of lines) console.log(line);
} finally {
  for (const child of children.reverse()) await stopProcess(child, 'SIGTERM', 10_000);
  await stopProcess(temporal?.child, 'SIGTERM', 10_000);
  fs.rmSync(dir, { recursive: true, force: true });
}
