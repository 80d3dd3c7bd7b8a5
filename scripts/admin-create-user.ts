// `npm run admin:create-user -- --email E --password P --role REVIEWER|ADMIN [--name "…"]`
// Creates a reviewer account of the admin app on DATABASE_URL (the apps' configuration).
// `--password-stdin` reads the password from standard input instead, keeping it out of the
// shell history and the process list. The password is never printed.
// Exit status: 0 created, 1 refused or failed, 2 usage error.
import 'reflect-metadata';
import os from 'node:os';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '#app/audit';
import { ConfigError, ConfigModule, loadConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { PersistenceModule } from '#app/persistence';
import { REVIEWER_ROLES, ReviewerAccountsService, ReviewersModule } from '#app/reviewers';

const USAGE = [
  `Usage: npm run admin:create-user -- --email <email> (--password <password> | --password-stdin) --role <${REVIEWER_ROLES.join('|')}> [--name "<display name>"]`,
  // npm echoes the command line, password included, unless run with -s; stdin keeps it out of both.
  'Tip: `npm run -s admin:create-user -- … --password-stdin < password-file` keeps the password out of the terminal and shell history.',
].join('\n');

class UsageError extends Error {}

interface Options {
  email: string;
  password?: string;
  passwordStdin: boolean;
  role: string;
  name?: string;
}

function parseArguments(argv: string[]): Options {
  const values = new Map<string, string>();
  let passwordStdin = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--password-stdin') {
      passwordStdin = true;
      continue;
    }
    const match = /^--(email|password|role|name)(?:=(.*))?$/s.exec(arg);
    // An unexpected value is not echoed: it could be part of a password.
    if (!match) throw new UsageError(arg.startsWith('--') ? `Unknown option ${arg.split('=')[0]}` : `Unexpected argument at position ${i + 1}`);
    const [, key, inline] = match;
    if (values.has(key)) throw new UsageError(`--${key} is given twice`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${key} needs a value`);
    values.set(key, value);
  }
  if (passwordStdin && values.has('password')) throw new UsageError('Give either --password or --password-stdin, not both');
  const missing = ['email', 'role'].filter((key) => !values.has(key));
  if (!passwordStdin && !values.has('password')) missing.push('password');
  if (missing.length) throw new UsageError(`Missing ${missing.map((key) => `--${key}`).join(', ')}`);
  return {
    email: values.get('email')!,
    password: values.get('password'),
    passwordStdin,
    role: values.get('role')!.trim().toUpperCase(),
    name: values.get('name'),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing line break (from `echo` or a file) is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const FIELD_MESSAGES: Record<string, string> = {
  email: 'the email is not a valid email address',
  role: `the role must be one of ${REVIEWER_ROLES.join(', ')}`,
  displayName: 'the name must be 1 to 100 printable characters',
};

/** A sentence for the operator; never the password, which is not in any refusal's details. */
function describeRefusal(error: DomainError, email: string): string {
  switch (error.code) {
    case ErrorCode.VALIDATION_FAILED: {
      const errors = (error.details.errors ?? []) as { field: string }[];
      return `Refused: ${errors.map(({ field }) => FIELD_MESSAGES[field] ?? `${field} is invalid`).join('; ')}.`;
    }
    case ErrorCode.PASSWORD_POLICY_VIOLATION: {
      const violations = (error.details.violations ?? []) as { rule: string; message: string }[];
      return ['Refused: the password does not meet the policy:', ...violations.map(({ rule, message }) => `  - ${rule}: ${message}`)].join('\n');
    }
    case ErrorCode.LOGIN_ID_TAKEN:
      return `Refused: a reviewer account with the email ${email.trim().toLowerCase()} already exists.`;
    default:
      return `Refused (${error.code}): ${error.message}`;
  }
}

function operator(): string {
  try {
    return `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const password = options.passwordStdin ? await readStdin() : options.password!;
  const config = loadConfig();

  @Module({ imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot({ poolSize: 2 }), AuditModule, ReviewersModule] })
  class CreateUserModule {}

  const app = await NestFactory.createApplicationContext(CreateUserModule, { logger: ['error'] });
  try {
    const reviewer = await app
      .get(ReviewerAccountsService)
      .create(
        { email: options.email, password, role: options.role, displayName: options.name },
        { type: 'SYSTEM', id: null, userAgent: `admin:create-user (${operator()})` },
      );
    console.log(`Created reviewer ${reviewer.email} (${reviewer.role}, "${reviewer.displayName}"), id ${reviewer.id}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(describeRefusal(error, options.email));
    return 1;
  } finally {
    await app.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `admin:create-user failed: ${(error as Error).message}${hint(error)}`);
  process.exitCode = 1;
}

function hint(error: unknown): string {
  const code = (error as { driverError?: { code?: unknown }; code?: unknown }).driverError?.code ?? (error as { code?: unknown }).code;
  const missingTable = code === 'ER_NO_SUCH_TABLE' || /no such table/i.test((error as Error).message);
  return missingTable ? '\nThe database is not migrated: run `npm run migrate` first.' : '';
}
