// The operator command, for real: the built script spawned against a migrated test database.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcrypt';
import type { DataSource } from 'typeorm';
import { AuditEventEntity } from '../../libs/audit/src/index.js';
import { ReviewerEntity } from '../../libs/reviewers/src/index.js';
import { uniqueEmail } from '../support/factories.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const SCRIPT = path.resolve('dist/scripts/admin-create-user.js');
const PASSWORD = 'Rv7!kWq2#p';

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe(`npm run admin:create-user on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  function createUser(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SCRIPT, ...args], {
        env: { ...process.env, DATABASE_URL: database.url, BCRYPT_COST: '4', PASSWORD_POLICY: 'portal', NODE_OPTIONS: '', ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(options.stdin ?? '');
    });
  }

  const rowsFor = (email: string) => dataSource.manager.findBy(ReviewerEntity, { email: email.toLowerCase() });

  beforeAll(async () => {
    if (!fs.existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run \`npm run build\` first`);
    database = await createTestDatabase('create_user');
    dataSource = await openMigrated(database.url, [ReviewerEntity, AuditEventEntity]);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('creates a reviewer with a normalised email, a bcrypt hash and an audit event, and never prints the password', async () => {
    const email = uniqueEmail('New.Reviewer');
    const outcome = await createUser(['--email', `  ${email.toUpperCase()} `, '--password', PASSWORD, '--role', 'REVIEWER', '--name', 'Park Seoyeon']);
    expect(outcome).toMatchObject({ status: 0, stderr: '' });
    expect(outcome.stdout).toContain(`Created reviewer ${email.toLowerCase()} (REVIEWER, "Park Seoyeon")`);
    expect(outcome.stdout + outcome.stderr).not.toContain(PASSWORD);

    const [row] = await rowsFor(email);
    expect(row).toMatchObject({
      email: email.toLowerCase(),
      role: 'REVIEWER',
      displayName: 'Park Seoyeon',
      disabledAt: null,
      failedPasswordAttempts: 0,
      lockedUntil: null,
    });
    expect(outcome.stdout).toContain(row.id);
    expect(row.passwordHash).toMatch(/^\$2b\$04\$/);
    await expect(bcrypt.compare(PASSWORD, row.passwordHash)).resolves.toBe(true);

    const events = await dataSource.manager.findBy(AuditEventEntity, { action: 'REVIEWER_CREATED' });
    const event = events.find((candidate) => candidate.afterJson?.includes(row.id));
    expect(event).toMatchObject({ actorType: 'SYSTEM', memberId: null });
    expect(event?.userAgent).toMatch(/^admin:create-user \(/);
    expect(JSON.parse(event!.afterJson!)).toEqual({
      reviewerId: row.id,
      email: expect.stringMatching(/^n\*\*\*@example\.com$/),
      role: 'REVIEWER',
      displayName: 'Park Seoyeon',
    });
    expect(event!.afterJson).not.toContain(PASSWORD);
  });

  it('creates an ADMIN, accepts the role in any case and names it after the email by default', async () => {
    const email = uniqueEmail('chief');
    const outcome = await createUser([`--email=${email}`, `--password=${PASSWORD}`, '--role=admin']);
    expect(outcome.status).toBe(0);
    const [row] = await rowsFor(email);
    expect(row).toMatchObject({ role: 'ADMIN', displayName: email.split('@')[0] });
  });

  it('reads the password from standard input with --password-stdin', async () => {
    const email = uniqueEmail('stdin');
    const outcome = await createUser(['--email', email, '--password-stdin', '--role', 'REVIEWER'], { stdin: `${PASSWORD}\n` });
    expect(outcome.status).toBe(0);
    const [row] = await rowsFor(email);
    await expect(bcrypt.compare(PASSWORD, row.passwordHash)).resolves.toBe(true);
  });

  it('refuses a malformed email and stores nothing', async () => {
    const outcome = await createUser(['--email', 'not-an-email', '--password', PASSWORD, '--role', 'REVIEWER']);
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain('the email is not a valid email address');
    expect(await dataSource.manager.countBy(ReviewerEntity, { email: 'not-an-email' })).toBe(0);
  });

  it('refuses a weak password listing every violated rule, without echoing it', async () => {
    const email = uniqueEmail('weak');
    const weak = 'abc def';
    const outcome = await createUser(['--email', email, '--password', weak, '--role', 'REVIEWER']);
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain('the password does not meet the policy');
    for (const rule of ['TOO_SHORT', 'MISSING_DIGIT', 'MISSING_SPECIAL', 'CONTAINS_SPACE']) expect(outcome.stderr).toContain(rule);
    expect(outcome.stdout + outcome.stderr).not.toContain(weak);
    expect(await rowsFor(email)).toHaveLength(0);
  });

  it('refuses an unknown role', async () => {
    const email = uniqueEmail('role');
    const outcome = await createUser(['--email', email, '--password', PASSWORD, '--role', 'SUPERVISOR']);
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain('the role must be one of REVIEWER, ADMIN');
    expect(await rowsFor(email)).toHaveLength(0);
  });

  it('refuses an email that already has a reviewer account, whatever its case', async () => {
    const email = uniqueEmail('twice');
    expect((await createUser(['--email', email, '--password', PASSWORD, '--role', 'REVIEWER'])).status).toBe(0);
    const again = await createUser(['--email', email.toUpperCase(), '--password', 'Other!pass9', '--role', 'ADMIN']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`a reviewer account with the email ${email.toLowerCase()} already exists`);
    const rows = await rowsFor(email);
    expect(rows).toHaveLength(1);
    expect(rows[0].role).toBe('REVIEWER');
  });

  it.each([
    ['a missing role', ['--email', 'x@example.com', '--password', PASSWORD], 'Missing --role'],
    ['a missing password', ['--email', 'x@example.com', '--role', 'REVIEWER'], 'Missing --password'],
    ['an unknown option', ['--email', 'x@example.com', '--password', PASSWORD, '--role', 'REVIEWER', '--admin'], 'Unknown option --admin'],
    ['an option without its value', ['--email', '--password', PASSWORD, '--role', 'REVIEWER'], '--email needs a value'],
  ])('answers %s with usage help and status 2', async (_case, args, message) => {
    const outcome = await createUser(args);
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).toContain('Usage: npm run admin:create-user');
    expect(outcome.stderr).not.toContain(PASSWORD);
  });

  it('stops with a message naming DATABASE_URL when it is invalid', async () => {
    const outcome = await createUser(['--email', uniqueEmail(), '--password', PASSWORD, '--role', 'REVIEWER'], {
      env: { DATABASE_URL: 'postgres://nowhere/db' },
    });
    expect(outcome.status).toBe(1);
    expect(outcome.stderr).toContain('Invalid configuration: DATABASE_URL');
  });
});
