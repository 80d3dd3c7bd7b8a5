// What both README commands do first: install what is missing, then build. Plain JS, no dependencies.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** run() without blocking the event loop; resolves with the exit status. */
export function runAsync(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

function nativeModulesLoad() {
  const probe = "require('bcrypt').hashSync('x', 4); new (require('better-sqlite3'))(':memory:').prepare('select 1').get();";
  return spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, stdio: 'ignore' }).status === 0;
}

/** npm ci when node_modules is missing or older than the lock file; rebuilds native modules that fail to load. */
export function ensureDependencies(log = console.log) {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs) {
    log('Installing npm dependencies (npm ci) …');
    if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed');
  }
  if (!nativeModulesLoad()) {
    log('Building native modules (bcrypt, better-sqlite3) …');
    if (run('npm', ['rebuild', 'bcrypt', 'better-sqlite3']) !== 0 || !nativeModulesLoad()) {
      throw new Error('bcrypt or better-sqlite3 does not load; they need python3, make and g++ to build');
    }
  }
}

// Outputs the build must have made; when one is missing the incremental state is not trusted.
const BUILD_INFO = path.join(ROOT, 'dist', '.tsbuildinfo.build');
const BUILD_OUTPUTS = ['apps/api/src/main.js', 'apps/admin/src/main.js', 'apps/worker/src/main.js', 'scripts/bundle-workflows.js'];

/**
 * Incremental TypeScript build into dist/, then the workflow bundle. `tsc --build` decides from its
 * build info whether anything changed without type-checking the program again (under a second when
 * nothing did, against ~10 s for `tsc -p`); bundle-workflows rebundles only when a workflow input changed.
 */
export function build() {
  for (const [args, failure] of buildSteps()) if (run(process.execPath, args) !== 0) throw new Error(failure);
}

/** build() without blocking the event loop, for a caller with other things starting meanwhile. */
export async function buildAsync() {
  for (const [args, failure] of buildSteps()) if ((await runAsync(process.execPath, args)) !== 0) throw new Error(failure);
}

function buildSteps() {
  if (BUILD_OUTPUTS.some((file) => !fs.existsSync(path.join(ROOT, 'dist', file)))) fs.rmSync(BUILD_INFO, { force: true });
  return [
    [['node_modules/typescript/bin/tsc', '--build', 'tsconfig.build.json'], 'build failed'],
    [['dist/scripts/bundle-workflows.js'], 'bundling the workflows failed'],
  ];
}

/** Debian's chromium for the browser tier; installed when missing and we are root with apt. */
export function ensureChromium(log = console.log) {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return undefined;
  log("Installing Debian's chromium for the browser tests …");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    return undefined;
  }
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}
