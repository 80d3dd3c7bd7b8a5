// P7 (quality.md): `npm run quickstart` → all healthy, from a fresh copy (cold: no dist/, no var/)
// and again with nothing changed (warm). Run by hand: `npm run bench:warm-start`.
//
// The copy is the working tree as git sees it (tracked and untracked, ignored files left out),
// timestamps kept, with node_modules and .tools linked, in a temporary folder; every port is a free
// one, so a quickstart of your own can keep running. Bounded: each start gets 240 s. Removes the
// copy at the end. Flags: --warm-runs N (default 2; the figure is their median).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, stopProcess } from '../scripts/lib/temporal-cli.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TARGET_WARM_S = 10;
const START_TIMEOUT_MS = 240_000;
const flag = process.argv.indexOf('--warm-runs');
const warmRuns = flag > 0 ? Math.max(1, Math.min(5, Number(process.argv[flag + 1]) || 2)) : 2;

function copyWorkingTree() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mac-warm-start-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && fs.existsSync(path.join(ROOT, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.cpSync(path.join(ROOT, file), path.join(dir, file), { preserveTimestamps: true });
  }
  for (const linked of ['node_modules', '.tools']) {
    if (fs.existsSync(path.join(ROOT, linked))) fs.symlinkSync(fs.realpathSync(path.join(ROOT, linked)), path.join(dir, linked));
  }
  return dir;
}

/** One quickstart: seconds until it prints that everything is up, and when each phase began. */
async function quickstart(dir, env) {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/quickstart.mjs'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const phases = [];
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not up after ${START_TIMEOUT_MS / 1_000} s`)), START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk;
      for (const line of String(chunk).split('\n')) {
        const phase = /^(Installing|Building|Starting|Everything is up)[^.…]*/.exec(line.trim());
        if (phase) phases.push(`${phase[0].trim()} @${((performance.now() - started) / 1_000).toFixed(1)} s`);
      }
      if (output.includes('Everything is up')) {
        clearTimeout(timer);
        resolve((performance.now() - started) / 1_000);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`quickstart exited (${code}) before everything was up:\n${output.slice(-2_000)}`));
    });
  });
  try {
    return { seconds: await ready, phases };
  } finally {
    child.removeAllListeners('exit');
    await stopProcess(child, 'SIGINT', 30_000);
  }
}

const dir = copyWorkingTree();
try {
  const env = { ...process.env, NODE_ENV: 'development' };
  for (const name of ['DATABASE_URL', 'OUTBOX_DIR', 'DOCUMENTS_DIR', 'SMTP_URL', 'TEMPORAL_NAMESPACE', 'NODE_OPTIONS']) delete env[name];
  Object.assign(env, {
    API_PORT: String(await freePort()),
    ADMIN_PORT: String(await freePort()),
    WORKER_PORT: String(await freePort()),
    TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
    TEMPORAL_UI_PORT: String(await freePort()),
  });
  console.log(`P7 — npm run quickstart to all healthy, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`);
  const cold = await quickstart(dir, env);
  console.log(`  cold (fresh copy: no dist/, no var/)  ${cold.seconds.toFixed(1).padStart(6)} s   ${cold.phases.join(' · ')}`);
  const warm = [];
  for (let run = 1; run <= warmRuns; run++) {
    const result = await quickstart(dir, env);
    warm.push(result.seconds);
    console.log(`  warm ${run} (nothing changed)            ${result.seconds.toFixed(1).padStart(6)} s   ${result.phases.join(' · ')}`);
  }
  const median = warm.sort((a, b) => a - b)[Math.floor((warm.length - 1) / 2)];
  const pass = median <= TARGET_WARM_S ? 'PASS' : 'MISS';
  console.log(`  warm restart (median of ${warm.length}) ${median.toFixed(1)} s (target ≤ ${TARGET_WARM_S} s: ${pass}); cold start ${cold.seconds.toFixed(1)} s for context`);
  console.log(`RESULT P7 warm_start_s=${median.toFixed(1)} target=${TARGET_WARM_S}s ${pass}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
