import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Logger, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig, parseDatabaseUrl } from '../../libs/config/src/index.js';
import { DomainError, ErrorCode } from '../../libs/core/src/index.js';
import {
  NOTIFICATION_ENTITIES,
  NotificationService,
  NotificationsModule,
  outboxFileName,
  type NotificationRequest,
} from '../../libs/notifications/src/index.js';
import { messageIdFor } from '../../libs/notifications/src/transports/smtp-email.transport.js';
import { dataSourceOptions } from '../../libs/persistence/src/index.js';
import { CreateNotificationDeliveries1764300000300 } from '../../libs/persistence/src/migrations/1764300000300-CreateNotificationDeliveries.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

interface ReceivedMail {
  readonly envelope: SMTPServerEnvelope;
  readonly raw: string;
}

interface ParsedMail {
  readonly headers: Map<string, string>;
  readonly subject: string;
  readonly body: string;
}

// Just enough MIME for nodemailer's single-part text messages: unfolded headers, RFC 2047
// encoded words (B and Q) and a quoted-printable or base64 body, all UTF-8.
function parseMail(raw: string): ParsedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const decodedBody =
    encoding === 'quoted-printable'
      ? quotedPrintable(body.replace(/=\r?\n/g, '')).toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), body: decodedBody.replace(/\r\n/g, '\n') };
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeWords(value: string): string {
  // Adjacent encoded words are one run of bytes: a character may be split between two words.
  const parts = value.split(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)/).filter((part, i, all) => {
    const betweenWords = i > 0 && i < all.length - 1 && /^\s*$/.test(part) && all[i - 1].startsWith('=?');
    return part !== '' && !betweenWords;
  });
  let text = '';
  let pending: Buffer[] = [];
  const flush = () => {
    text += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (const part of parts) {
    const word = /^=\?[^?]+\?([BbQq])\?([^?]*)\?=$/.exec(part);
    if (!word) {
      flush();
      text += part;
    } else if (word[1].toUpperCase() === 'B') {
      pending.push(Buffer.from(word[2], 'base64'));
    } else {
      pending.push(quotedPrintable(word[2].replace(/_/g, ' ')));
    }
  }
  flush();
  return text;
}

// Collects what Nest's Logger writes, to prove no code or message text reaches a log.
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown) {
    this.lines.push(String(message));
  }
  error(message: unknown) {
    this.lines.push(String(message));
  }
  warn(message: unknown) {
    this.lines.push(String(message));
  }
}

async function startSmtpServer(received: ReceivedMail[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ envelope: structuredClone(session.envelope), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

const SENDER = 'no-reply@accounts.example.com';

describe(`notifications on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let smtp: SMTPServer;
  let smtpPort: number;
  let workDir: string;
  let received: ReceivedMail[];
  const logs = new CapturingLogger();

  const smtpConfig = () => ({ outboxDir: path.join(workDir, 'unused-outbox'), smtpUrl: `smtp://127.0.0.1:${smtpPort}?from=${encodeURIComponent(SENDER)}` });
  const outboxConfig = (name: string) => ({ outboxDir: path.join(workDir, name), smtpUrl: undefined });
  const outboxFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
  const deliveryRows = (key: string) =>
    dataSource.query('SELECT * FROM notification_deliveries WHERE idempotency_key = ?', [key]) as Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    Logger.overrideLogger(logs);
    database = await createTestDatabase('notifications');
    dataSource = await openMigrated(database.url, NOTIFICATION_ENTITIES);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-test-'));
  });

  beforeEach(async () => {
    logs.lines.length = 0;
    received = [];
    ({ server: smtp, port: smtpPort } = await startSmtpServer(received));
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('sends a real email over SMTP in the member’s language, with the code in the body', async () => {
    const service = new NotificationService(dataSource, smtpConfig());
    const request: NotificationRequest = {
      channel: 'email',
      to: 'minji.new@example.com',
      template: 'login-id-email-code',
      language: 'ko',
      params: { code: '381904', minutes: 30 },
      idempotencyKey: 'login-id-email-code:member-1:attempt-1',
    };

    await expect(service.send(request)).resolves.toBe('sent');

    expect(received).toHaveLength(1);
    const [{ envelope, raw }] = received;
    expect(envelope.mailFrom).toMatchObject({ address: SENDER });
    expect(envelope.rcptTo.map((rcpt) => rcpt.address)).toEqual(['minji.new@example.com']);
    const mail = parseMail(raw);
    expect(mail.headers.get('to')).toBe('minji.new@example.com');
    expect(mail.headers.get('from')).toBe(SENDER);
    expect(mail.subject).toBe('새 로그인 ID 이메일 인증번호');
    expect(mail.body).toContain('381904');
    expect(mail.body).toContain('30분 동안 유효합니다');
    expect(mail.headers.get('message-id')).toBe(messageIdFor(request.idempotencyKey, SENDER));
    expect(logs.lines).toEqual([expect.stringContaining('m***@example.com')]);
    expect(logs.lines.join('\n')).not.toMatch(/381904|minji\.new/);
  });

  it('delivers a key sent twice exactly once, records it without personal data, and answers duplicate', async () => {
    const service = new NotificationService(dataSource, smtpConfig());
    const request: NotificationRequest = {
      channel: 'email',
      to: 'minji@example.com',
      template: 'account-locked',
      language: 'en',
      params: { name: 'Kim Minji', lockedUntil: '2026-03-05T14:07:00.000Z' },
      idempotencyKey: 'account-locked:member-2:2026-03-05T14:07:00.000Z',
    };

    await expect(service.send(request)).resolves.toBe('sent');
    // A retry from a fresh instance (another worker) sees the recorded key.
    await expect(new NotificationService(dataSource, smtpConfig()).send(request)).resolves.toBe('duplicate');

    expect(received).toHaveLength(1);
    expect(parseMail(received[0].raw).subject).toBe('Password checks on your account are temporarily locked');
    expect(parseMail(received[0].raw).body).toContain('March 5, 2026 at 2:07 PM UTC');
    const rows = await deliveryRows(request.idempotencyKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'email', template: 'account-locked', recipient_masked: 'm***@example.com' });
    expect(JSON.stringify(rows[0])).not.toContain('minji@example.com');
  });

  it('writes email and SMS to the outbox when no SMTP_URL is set, one file per key', async () => {
    const config = outboxConfig('outbox-plain');
    const service = new NotificationService(dataSource, config);
    const sms: NotificationRequest = {
      channel: 'sms',
      to: '+821012345678',
      template: 'login-id-identity-code',
      language: 'ja',
      params: { code: '550217', minutes: 3 },
      idempotencyKey: 'login-id-identity-code:member-3:1',
    };
    const email: NotificationRequest = {
      channel: 'email',
      to: 'old@example.com',
      template: 'password-changed',
      language: 'en',
      params: { name: 'Sato Yui', changedAt: '2026-03-05T13:50:00.000Z' },
      idempotencyKey: 'password-changed:member-3:2026-03-05T13:50:00.000Z',
    };

    expect(await service.send(sms)).toBe('sent');
    expect(await service.send(email)).toBe('sent');
    expect(await service.send(sms)).toBe('duplicate');
    expect(await service.send(email)).toBe('duplicate');

    const smsFile = outboxFileName('sms', sms.idempotencyKey);
    const emailFile = outboxFileName('email', email.idempotencyKey);
    expect(outboxFiles(config.outboxDir)).toEqual([emailFile, smsFile].sort());
    const smsMessage = JSON.parse(fs.readFileSync(path.join(config.outboxDir, smsFile), 'utf8'));
    expect(smsMessage).toEqual({ channel: 'sms', to: '+821012345678', text: expect.stringContaining('550217'), createdAt: expect.any(String) });
    expect(new Date(smsMessage.createdAt).toISOString()).toBe(smsMessage.createdAt);
    const emailMessage = JSON.parse(fs.readFileSync(path.join(config.outboxDir, emailFile), 'utf8'));
    expect(Object.keys(emailMessage)).toEqual(['channel', 'to', 'subject', 'text', 'createdAt']);
    expect(emailMessage).toMatchObject({ channel: 'email', to: 'old@example.com', subject: 'Your password was changed' });
    expect(received).toHaveLength(0);
    const logged = logs.lines.join('\n');
    expect(logged).toContain('+********5678');
    for (const secret of ['550217', '+821012345678', 'old@example.com', 'Sato Yui']) expect(logged).not.toContain(secret);
  });

  it('lets exactly one of several concurrent senders of a key deliver it', async () => {
    const config = outboxConfig('outbox-race');
    const request: NotificationRequest = {
      channel: 'sms',
      to: '+821099998888',
      template: 'mobile-phone-code',
      language: 'ko',
      params: { code: '902211', minutes: 3 },
      idempotencyKey: 'mobile-phone-code:member-4:1',
    };

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => new NotificationService(dataSource, config).send(request)));

    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
    expect(outboxFiles(config.outboxDir)).toEqual([outboxFileName('sms', request.idempotencyKey)]);
    expect(await deliveryRows(request.idempotencyKey)).toHaveLength(1);
  });

  it('refuses a template on the wrong channel or a malformed code before sending anything', async () => {
    const config = outboxConfig('outbox-refused');
    const service = new NotificationService(dataSource, config);
    const wrongChannel = {
      channel: 'email',
      to: 'someone@example.com',
      template: 'mobile-phone-code',
      language: 'en',
      params: { code: '123456', minutes: 3 },
      idempotencyKey: 'refused:1',
    } as unknown as NotificationRequest;
    const badCode: NotificationRequest = {
      channel: 'sms',
      to: '+821012345678',
      template: 'mobile-phone-code',
      language: 'en',
      params: { code: '12-456', minutes: 3 },
      idempotencyKey: 'refused:2',
    };

    for (const request of [wrongChannel, badCode]) {
      const error = await service.send(request).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
    expect(outboxFiles(config.outboxDir)).toEqual([]);
    expect(await deliveryRows('refused:1')).toHaveLength(0);
    expect(await deliveryRows('refused:2')).toHaveLength(0);
    expect(received).toHaveLength(0);
  });

  it('is provided by NotificationsModule in a Nest app using autoLoadEntities', async () => {
    const config = loadConfig({ DATABASE_URL: database.url, OUTBOX_DIR: path.join(workDir, 'outbox-nest') });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database, { poolSize: 2 }), autoLoadEntities: true }),
        NotificationsModule,
      ],
    }).compile();
    try {
      const service = moduleRef.get(NotificationService);
      const request: NotificationRequest = {
        channel: 'email',
        to: 'reviewers@example.com',
        template: 'review-overdue-reminder',
        language: 'en',
        params: { applicationId: 'APP-7', status: 'SUBMITTED', since: '2026-03-01T00:00:00.000Z' },
        idempotencyKey: 'review-overdue-reminder:APP-7:SUBMITTED',
      };

      await expect(service.send(request)).resolves.toBe('sent');
      await expect(service.send(request)).resolves.toBe('duplicate');

      expect(outboxFiles(config.outboxDir)).toEqual([outboxFileName('email', request.idempotencyKey)]);
      expect(await deliveryRows(request.idempotencyKey)).toHaveLength(1);
    } finally {
      await moduleRef.close();
    }
  });
});

describe(`CreateNotificationDeliveries migration on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('notification_migration');
    dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(database.url), { poolSize: 2 }));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('creates the table with a unique idempotency key, and its down step removes it', async () => {
    const migration = new CreateNotificationDeliveries1764300000300();
    const queryRunner = dataSource.createQueryRunner();
    try {
      await migration.up(queryRunner);
      const table = await queryRunner.getTable('notification_deliveries');
      expect(table?.columns.map((column) => column.name).sort()).toEqual(
        ['channel', 'created_at', 'id', 'idempotency_key', 'recipient_masked', 'template'].sort(),
      );
      expect(table?.indices).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'ux_notification_deliveries_idempotency_key', isUnique: true, columnNames: ['idempotency_key'] }),
        ]),
      );

      await migration.down(queryRunner);
      expect(await queryRunner.hasTable('notification_deliveries')).toBe(false);
    } finally {
      await queryRunner.release();
    }
  });
});
