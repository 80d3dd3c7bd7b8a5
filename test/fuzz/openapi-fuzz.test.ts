// quality.md R4: schemathesis generates requests from each app's live OpenAPI document and checks
// that none gets a server error. Fixed seed and bounded examples: the same run every time.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { findSchemathesis } from '../../scripts/lib/schemathesis.mjs';
import { privilegedMember } from '../support/member-client.js';
import { signedInReviewer } from '../support/reviewer-client.js';
import { startAdmin, startApi, listenOnLoopback } from '../support/stack.js';

const run = promisify(execFile);

async function fuzz(schemaUrl: string, token: string, excludePaths: string): Promise<{ code: number; output: string }> {
  const cli = findSchemathesis();
  if (!cli) throw new Error('schemathesis is not installed: npm run verify installs it into .tools/schemathesis');
  const args = ['run', schemaUrl, '-H', `Authorization: Bearer ${token}`, '--checks', 'not_a_server_error', '--max-examples', '30'];
  args.push('--seed', '20261128', '--exclude-path-regex', excludePaths, '--request-timeout', '20', '--workers', '1');
  try {
    const { stdout } = await run(cli, args, { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 20 * 1024 * 1024, timeout: 280_000 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ''}\n${failure.stderr ?? ''}` };
  }
}

describe('OpenAPI fuzzing: no server error for anything a client can send', () => {
  let api: INestApplication;
  let admin: INestApplication;

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
  });

  it('member API', async () => {
    const base = await listenOnLoopback(api);
    const member = await privilegedMember(api);
    // Logging out or changing the password would end the session the rest of the run uses.
    const result = await fuzz(`${base}/api/docs-json`, member.token, 'auth/logout|me/sessions/|me/password');
    expect({ code: result.code, tail: result.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(result.output).toMatch(/\d+ generated, \d+ passed/);
  }, 300_000);

  it('admin API', async () => {
    const base = await listenOnLoopback(admin);
    const reviewer = await signedInReviewer(admin, 'ADMIN');
    const result = await fuzz(`${base}/admin/api/docs-json`, reviewer.token, 'auth/logout');
    expect({ code: result.code, tail: result.output.slice(-3000) }).toMatchObject({ code: 0 });
    expect(result.output).toMatch(/\d+ generated, \d+ passed/);
  }, 300_000);
});
