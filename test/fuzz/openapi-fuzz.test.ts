// docs/quality.md R4: schemathesis generates requests from each app's live OpenAPI
// document and runs EVERY check on the answers — no server error, only documented statuses,
// content types, headers and bodies, schema-invalid input refused, schema-valid input never
// refused with 400, auth enforced as declared. The one check left out is `unsupported_method`:
// a 405 for methods a path does not have is not part of the contract (an unknown route is 404).
// All four phases (examples, coverage, fuzzing, stateful) over both documents, fixed seed and
// bounded examples: the same run every time; the request count is printed. Patterns stay free of
// lookarounds (generators would filter for them: the coverage phase never finished on one).
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { findSchemathesis } from '../../scripts/lib/schemathesis.mjs';
import { reviewerRequest, submitApplication } from '../support/application-client.js';
import { privilegedMember } from '../support/member-client.js';
import { signedInReviewer } from '../support/reviewer-client.js';
import { runDir, startAdmin, startApi, listenOnLoopback } from '../support/stack.js';

const run = promisify(execFile);
const CONFIG = path.resolve('test/fuzz/schemathesis.toml');
const SEED = '20261128';
// Credential endpoints would otherwise answer 429 before looking at the body (the limiter's own tests are in test/e2e).
const FUZZ_OVERRIDES = { RATE_LIMIT_PER_MINUTE: '100000', LOCKOUT_THRESHOLD: '100' };
const generated: Record<string, number> = {};
// Environment schemathesis.toml reads (its `${…}` placeholders must be set for both documents).
const configEnv = { FUZZ_INFO_REQUESTED_APPLICATION: '00000000-0000-4000-8000-000000000000' };

interface FuzzResult {
  code: number;
  output: string;
  generated: number;
}

async function fuzz(name: string, schemaUrl: string, token: string, excludePaths: string, maxExamples: number): Promise<FuzzResult> {
  const cli = findSchemathesis({ install: true });
  if (!cli) throw new Error('schemathesis is not installed and could not be: it comes from PyPI into .tools/schemathesis (needs python3)');
  const args = ['--config-file', CONFIG, 'run', schemaUrl, '-H', `Authorization: Bearer ${token}`];
  args.push('--checks', 'all', '--exclude-checks', 'unsupported_method', '--phases', 'examples,coverage,fuzzing,stateful');
  args.push('--max-examples', String(maxExamples), '--seed', SEED, '--exclude-path-regex', excludePaths, '--request-timeout', '20', '--workers', '1');
  args.push('--report', 'junit', '--report-dir', path.join(runDir(), `schemathesis-${name}`), '--continue-on-failure');
  let code = 0;
  let output: string;
  try {
    const { stdout } = await run(cli, args, {
      cwd: runDir(),
      env: { ...process.env, ...configEnv, NO_COLOR: '1' },
      maxBuffer: 50 * 1024 * 1024,
      timeout: 580_000,
    });
    output = stdout;
  } catch (error) {
    const failure = error as { code?: number; killed?: boolean; signal?: string; stdout?: string; stderr?: string };
    code = typeof failure.code === 'number' ? failure.code : 1;
    // Killed by the timeout: schemathesis prints its counts only at the end, so say so plainly.
    const killed = failure.killed ? `\nschemathesis ${name} was killed (${failure.signal ?? 'timeout'}) before it finished\n` : '';
    output = `${failure.stdout ?? ''}\n${failure.stderr ?? ''}${killed}`;
  }
  const count = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
  generated[name] = count;
  const saved = path.join(runDir(), `schemathesis-${name}`, 'output.txt');
  await mkdir(path.dirname(saved), { recursive: true });
  await writeFile(saved, output);
  // The failures section (each with its curl reproduction) and the summary, not only the last lines.
  const failures = output.indexOf('FAILURES');
  const excerpt = `${failures >= 0 ? output.slice(failures, failures + 20000) : ''}\n${output.slice(-1500)}`;
  console.log(`schemathesis ${name}: ${count} generated requests (whole output: ${saved})\n${quoted(name, excerpt)}`);
  return { code, output, generated: count };
}

// Every line of schemathesis' output behind a prefix: its pytest-style closing banner
// ("=== 3 warnings in 15s ===") must not read as this run's test-runner summary to anyone parsing the log.
function quoted(name: string, text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `  schemathesis ${name} | ${line.replace(/^\s*=+\s*(.*?)\s*=+\s*$/, '$1')}`)
    .join('\n');
}

describe('OpenAPI fuzzing: every check, both documents', () => {
  let api: INestApplication;
  let admin: INestApplication;

  beforeAll(async () => {
    api = await startApi(FUZZ_OVERRIDES);
    admin = await startAdmin(FUZZ_OVERRIDES);
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
    console.log(`schemathesis: ${Object.values(generated).reduce((sum, count) => sum + count, 0)} generated requests in all (${JSON.stringify(generated)})`);
  });

  it('member API', async () => {
    const base = await listenOnLoopback(api);
    const member = await privilegedMember(api);
    // An application a reviewer asked more documents for: the documents upload then reaches its handler
    // (schemathesis.toml gives its id to that operation) instead of only NOT_FOUND.
    const submitted = await submitApplication(api, member).expect(201);
    const reviewer = reviewerRequest(admin, (await signedInReviewer(admin, 'REVIEWER')).token);
    await reviewer.post(`/applications/${submitted.body.id}/claim`).expect(200);
    await reviewer.post(`/applications/${submitted.body.id}/request-info`, { message: 'Please add a proof' }).expect(200);
    configEnv.FUZZ_INFO_REQUESTED_APPLICATION = submitted.body.id;
    // Logging out or changing the password would end the session the rest of the run uses.
    const result = await fuzz('api', `${base}/api/docs-json`, member.token, 'auth/logout|me/sessions/|me/password', 15);
    expect({ code: result.code, tail: result.output.slice(-6000) }).toMatchObject({ code: 0 });
    expect(result.generated).toBeGreaterThan(0);
  }, 600_000);

  it('admin API', async () => {
    const base = await listenOnLoopback(admin);
    const reviewer = await signedInReviewer(admin, 'ADMIN');
    const result = await fuzz('admin', `${base}/admin/api/docs-json`, reviewer.token, 'auth/logout', 40);
    expect({ code: result.code, tail: result.output.slice(-6000) }).toMatchObject({ code: 0 });
    expect(result.generated).toBeGreaterThan(0);
  }, 600_000);

  it('generates at least 1,000 requests over both documents', () => {
    expect(Object.values(generated).reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(1000);
  });
});
