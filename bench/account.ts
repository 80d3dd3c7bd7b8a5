// P3 (docs/quality.md): GET /api/v1/me/account on MySQL at 50 connections against a bare endpoint in the
// same process doing the same two lookups with mysql2 directly (session by token hash, then member
// by id). Run by hand: `npm run build && npm run bench:account`. Loopback only, bounded in time.
//
// Environment: BENCH_MYSQL_URL (server, default mysql://root@127.0.0.1:3306/),
// BENCH_DURATION_SECONDS (per measured run, default 8), BENCH_CONNECTIONS (default 50),
// BENCH_CPU_PROFILE (a directory: profiles each side's measured runs apart, writes api.cpuprofile and
// bare.cpuprofile there and prints each side's CPU time per request by package and function).
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createConnection, createPool, type Pool } from 'mysql2/promise';
import { createApiApp } from '../apps/api/src/api-app.js';
import { loadConfig, parseDatabaseUrl } from '#app/config';
import { createJsonLogger } from '#app/web';
import { accountRead, type AccountRead } from './lib/account-read.js';
import { CpuProfiler } from './lib/cpu-profile.js';
import { startFrameworkFloor, type FrameworkFloorPlatform } from './lib/framework-floors.js';
import { combineRuns, generateLoadInChildProcess, type LoadResult } from './lib/load-generator.js';
import { migrate } from './lib/migrate.js';

const TARGET_THROUGHPUT_RATIO = 0.6;
// The API's p99 against the bare endpoint's p99 in the same run.
const TARGET_P99_X = 2;
// Both sides get the pool size the app uses by default (data-source-options: connectionLimit 20).
const POOL_SIZE = 20;

function positiveInt(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}`);
  return value;
}

const connections = positiveInt('BENCH_CONNECTIONS', 50, 500);
const durationMs = positiveInt('BENCH_DURATION_SECONDS', 8, 120) * 1_000;
const serverUrl = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(serverUrl.hostname)) throw new Error('BENCH_MYSQL_URL must be a loopback server');
serverUrl.pathname = '/';

const databaseName = `mac_bench_account_${randomBytes(4).toString('hex')}`;

async function withServer<T>(run: (connection: Awaited<ReturnType<typeof createConnection>>) => Promise<T>): Promise<T> {
  const connection = await createConnection({ uri: serverUrl.toString() });
  try {
    return await run(connection);
  } finally {
    await connection.end();
  }
}

async function json(base: string, method: string, route: string, body?: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** The reference: the same two lookups as the API's guard and handler, with mysql2 and no framework. */
function bareAccountServer(read: AccountRead): http.Server {
  return http.createServer((req, res) => {
    read(req.headers.authorization)
      .then(({ status, body, etag }) => {
        if (status !== 200) return void res.writeHead(status).end();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag, 'cache-control': 'no-store' }).end(body);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
}

function fmt(result: LoadResult): string {
  const l = result.latency;
  return (
    `${result.throughput.toFixed(0).padStart(7)} req/s  p50 ${l.p50.toFixed(2).padStart(6)} ms  p90 ${l.p90.toFixed(2).padStart(6)} ms  ` +
    `p99 ${l.p99.toFixed(2).padStart(6)} ms  max ${l.max.toFixed(1).padStart(6)} ms  (${l.count} ok, ${result.errors} errors)`
  );
}

async function main(): Promise<void> {
  await withServer((connection) => connection.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  const databaseUrl = new URL(serverUrl.toString());
  databaseUrl.pathname = `/${databaseName}`;
  let app: Awaited<ReturnType<typeof createApiApp>> | undefined;
  let bare: http.Server | undefined;
  let pool: Pool | undefined;
  const floors: Array<{ platform: FrameworkFloorPlatform; url: string; close: () => Promise<void> }> = [];
  try {
    await migrate(parseDatabaseUrl(databaseUrl.toString()));

    const config = loadConfig({
      ...process.env,
      DATABASE_URL: databaseUrl.toString(),
      BCRYPT_COST: '4',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'silent',
      OUTBOX_DIR: path.join(os.tmpdir(), `${databaseName}-outbox`),
    });
    app = await createApiApp(config, createJsonLogger('api', 'silent'));
    await app.listen(0, '127.0.0.1');
    const apiBase = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    // One privileged member, signed up and in over HTTP as a client would.
    const loginId = `bench.${randomBytes(4).toString('hex')}@example.com`;
    const password = 'Qz7!mKp2#x';
    await json(apiBase, 'POST', '/api/v1/members', {
      loginId,
      password,
      name: 'Bench Member',
      memberType: 'CORPORATE_BUSINESS',
      businessName: 'Bench Co., Ltd.',
      businessRegistrationNumber: '220-81-62517',
      mobilePhone: '+821012345678',
      language: 'en',
      serviceArea: 'KR',
      billingEmail: loginId,
      address: { country: 'KR', postalCode: '06236', line1: '152 Teheran-ro', line2: '12F' },
    });
    const token = (await json(apiBase, 'POST', '/api/v1/auth/login', { loginId, password })).accessToken as string;
    await json(apiBase, 'POST', '/api/v1/auth/reauthenticate', { password }, token);

    pool = createPool({ uri: databaseUrl.toString(), connectionLimit: POOL_SIZE, timezone: 'Z', enableKeepAlive: true });
    const read = accountRead(pool);
    bare = bareAccountServer(read);
    const bareBase = await listen(bare);
    // Context, not the reference: Nest with nothing but a guard doing the same read, on each platform.
    for (const platform of ['express', 'fastify'] as const) floors.push({ platform, ...(await startFrameworkFloor(platform, read)) });

    const appView = await json(apiBase, 'GET', '/api/v1/me/account', undefined, token);
    const bareView = await json(bareBase, 'GET', '/', undefined, token);
    if (JSON.stringify(appView) !== JSON.stringify(bareView)) throw new Error('the bare endpoint does not answer what the API answers');
    for (const floor of floors) {
      const floorView = await json(floor.url, 'GET', '', undefined, token);
      if (JSON.stringify(floorView) !== JSON.stringify(bareView)) throw new Error(`the ${floor.platform} floor does not answer what the API answers`);
    }

    const load = (url: string, measured: boolean) =>
      generateLoadInChildProcess({
        url,
        headers: { authorization: `Bearer ${token}` },
        connections,
        durationMs: measured ? durationMs : 2_000,
        maxRequests: measured ? 2_000_000 : connections * 20,
      });
    // CPU time of this process (the servers; the load runs in a child process) per answered request:
    // less sensitive than throughput to whatever else the shared machine is doing.
    const cpuMs: Record<'reference' | 'api' | FrameworkFloorPlatform, number> = { reference: 0, api: 0, express: 0, fastify: 0 };
    const profileDir = process.env.BENCH_CPU_PROFILE;
    const profilers = profileDir ? { reference: new CpuProfiler(), api: new CpuProfiler() } : undefined;
    const measure = async (url: string, side: keyof typeof cpuMs): Promise<LoadResult> => {
      const profiler = side === 'reference' || side === 'api' ? profilers?.[side] : undefined;
      await profiler?.start();
      const before = process.cpuUsage();
      const result = await load(url, true);
      const used = process.cpuUsage(before);
      await profiler?.stop();
      cpuMs[side] += (used.user + used.system) / 1_000;
      return result;
    };

    console.log(
      `P3 — GET /me/account on MySQL, ${connections} connections, ${durationMs / 1_000} s per run, ` +
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
    );
    await load(`${bareBase}/`, false);
    await load(`${apiBase}/api/v1/me/account`, false);
    for (const floor of floors) await load(floor.url, false);
    // Interleaved, so drift on a shared machine hits both sides alike.
    const reference: LoadResult[] = [];
    const api: LoadResult[] = [];
    const floorRuns: Record<FrameworkFloorPlatform, LoadResult[]> = { express: [], fastify: [] };
    for (let round = 1; round <= 2; round++) {
      reference.push(await measure(`${bareBase}/`, 'reference'));
      console.log(`  round ${round} bare mysql2   ${fmt(reference.at(-1)!)}`);
      api.push(await measure(`${apiBase}/api/v1/me/account`, 'api'));
      console.log(`  round ${round} API           ${fmt(api.at(-1)!)}`);
      for (const floor of floors) {
        floorRuns[floor.platform].push(await measure(floor.url, floor.platform));
        console.log(`  round ${round} Nest ${floor.platform.padEnd(8)} ${fmt(floorRuns[floor.platform].at(-1)!)}`);
      }
    }
    const ref = combineRuns(reference);
    const measured = combineRuns(api);
    const ratio = measured.throughput / ref.throughput;
    const p99x = measured.latency.p99 / ref.latency.p99;
    const ratioPass = ratio >= TARGET_THROUGHPUT_RATIO ? 'PASS' : 'MISS';
    const p99Pass = p99x <= TARGET_P99_X ? 'PASS' : 'MISS';
    console.log(`  bare mysql2 (reference)   ${fmt(ref)}`);
    console.log(`  GET /api/v1/me/account    ${fmt(measured)}`);
    console.log(
      `  throughput ratio ${(ratio * 100).toFixed(1)} % (target ≥ ${TARGET_THROUGHPUT_RATIO * 100} %: ${ratioPass}); ` +
        `API p99 ${measured.latency.p99.toFixed(2)} ms = ×${p99x.toFixed(2)} the bare p99 (target ≤ ×${TARGET_P99_X}: ${p99Pass})`,
    );
    const apiCpu = cpuMs.api / measured.requests;
    const refCpu = cpuMs.reference / ref.requests;
    const cpuRatio = refCpu / apiCpu;
    console.log(
      `  server CPU per request: API ${apiCpu.toFixed(3)} ms, bare ${refCpu.toFixed(3)} ms ` +
        `(CPU-bound throughput ratio ${(cpuRatio * 100).toFixed(1)} %: what the ratio would be on an otherwise idle machine)`,
    );
    // The framework floors: what Nest alone costs on each platform for this read (bench/README.md).
    for (const floor of floors) {
      const runs = combineRuns(floorRuns[floor.platform]);
      const floorCpu = cpuMs[floor.platform] / runs.requests;
      console.log(
        `  floor, Nest on ${floor.platform} with only a guard doing the same read: ${((runs.throughput / ref.throughput) * 100).toFixed(1)} % of the bare ` +
          `throughput, p99 ×${(runs.latency.p99 / ref.latency.p99).toFixed(2)}, CPU ${floorCpu.toFixed(3)} ms per request ` +
          `(CPU-bound ratio ${((refCpu / floorCpu) * 100).toFixed(1)} %)${runs.errors ? `, ${runs.errors} errors` : ''}`,
      );
    }
    if (measured.errors || ref.errors) console.log(`  note: ${measured.errors + ref.errors} requests failed; figures cover successful ones`);
    if (profilers && profileDir) {
      await mkdir(profileDir, { recursive: true });
      console.log(`  CPU profile, bare mysql2:\n${await profilers.reference.finish(path.join(profileDir, 'bare.cpuprofile'), ref.requests)}`);
      console.log(`  CPU profile, API:\n${await profilers.api.finish(path.join(profileDir, 'api.cpuprofile'), measured.requests)}`);
      console.log(`  last measured run of each side written to ${profileDir}/{bare,api}.cpuprofile`);
    }
    console.log(`RESULT P3 ratio=${(ratio * 100).toFixed(1)}% target=${TARGET_THROUGHPUT_RATIO * 100}% ${ratioPass}`);
    console.log(`RESULT P3 p99_x=${p99x.toFixed(2)} target=${TARGET_P99_X} ${p99Pass}`);
    console.log(
      `RESULT P3 cpu_ratio=${(cpuRatio * 100).toFixed(1)}% target=${TARGET_THROUGHPUT_RATIO * 100}% ${cpuRatio >= TARGET_THROUGHPUT_RATIO ? 'PASS' : 'MISS'}`,
    );
  } finally {
    for (const floor of floors) await floor.close();
    await new Promise((resolve) => (bare ? bare.close(resolve) : resolve(undefined)));
    await pool?.end();
    await app?.close();
    await withServer((connection) => connection.query(`DROP DATABASE IF EXISTS \`${databaseName}\``));
  }
}

await main();
