import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileOutboxTransport, outboxFileName } from './file-outbox.transport.js';

const NOW = new Date('2026-03-05T14:07:00.123Z');

describe('FileOutboxTransport', () => {
  let directory: string;
  let outbox: FileOutboxTransport;

  beforeEach(() => {
    directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-test-')), 'outbox');
    outbox = new FileOutboxTransport(directory, () => NOW);
  });
  afterEach(() => fs.rmSync(path.dirname(directory), { recursive: true, force: true }));

  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as Record<string, unknown>;
  const files = () => fs.readdirSync(directory).sort();

  it('writes an email as one JSON file in the api.md format, creating the folder', async () => {
    await expect(outbox.sendEmail({ to: 'minji@example.com', subject: 'Your code', text: 'Code: 123456', idempotencyKey: 'k-email' })).resolves.toBe('sent');

    expect(files()).toEqual([outboxFileName('email', 'k-email')]);
    const message = read(outboxFileName('email', 'k-email'));
    expect(Object.keys(message)).toEqual(['channel', 'to', 'subject', 'text', 'createdAt']);
    expect(message).toEqual({
      channel: 'email',
      to: 'minji@example.com',
      subject: 'Your code',
      text: 'Code: 123456',
      createdAt: '2026-03-05T14:07:00.123Z',
    });
  });

  it('writes an SMS without a subject', async () => {
    await expect(outbox.sendSms({ to: '+821012345678', text: 'Code 654321', idempotencyKey: 'k-sms' })).resolves.toBe('sent');

    const message = read(outboxFileName('sms', 'k-sms'));
    expect(message).toEqual({ channel: 'sms', to: '+821012345678', text: 'Code 654321', createdAt: NOW.toISOString() });
    expect(message).not.toHaveProperty('subject');
  });

  it('names the file from a hash of the key, never the key itself', () => {
    const name = outboxFileName('email', 'account-locked:member-1:2026-03-05T14:07:00Z');
    expect(name).toMatch(/^email-[0-9a-f]{64}\.json$/);
    expect(outboxFileName('email', 'account-locked:member-1:2026-03-05T14:07:00Z')).toBe(name);
    expect(outboxFileName('email', 'account-locked:member-2:2026-03-05T14:07:00Z')).not.toBe(name);
  });

  it('writes one file for a key sent twice, keeping the first message', async () => {
    const first = { to: 'a@example.com', subject: 'S', text: 'first', idempotencyKey: 'same' };
    await expect(outbox.sendEmail(first)).resolves.toBe('sent');
    await expect(outbox.sendEmail({ ...first, text: 'second' })).resolves.toBe('duplicate');

    expect(files()).toEqual([outboxFileName('email', 'same')]);
    expect(read(outboxFileName('email', 'same')).text).toBe('first');
  });

  it('lets exactly one of many concurrent sends of a key write, leaving no temporary file', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => new FileOutboxTransport(directory).sendSms({ to: '+821012345678', text: `attempt ${i}`, idempotencyKey: 'race' })),
    );

    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(19);
    expect(fs.readdirSync(directory)).toEqual([outboxFileName('sms', 'race')]);
    expect(read(outboxFileName('sms', 'race')).text).toMatch(/^attempt \d+$/);
  });

  it('makes the folder again when it was removed after an earlier message', async () => {
    await outbox.sendSms({ to: '+821012345678', text: 'one', idempotencyKey: 'k1' });
    fs.rmSync(directory, { recursive: true });

    await expect(outbox.sendSms({ to: '+821012345678', text: 'two', idempotencyKey: 'k2' })).resolves.toBe('sent');
    expect(files()).toEqual([outboxFileName('sms', 'k2')]);
  });

  it('writes one file per distinct key', async () => {
    await outbox.sendSms({ to: '+821012345678', text: 'one', idempotencyKey: 'k1' });
    await outbox.sendSms({ to: '+821012345678', text: 'two', idempotencyKey: 'k2' });

    expect(files()).toEqual([outboxFileName('sms', 'k1'), outboxFileName('sms', 'k2')].sort());
  });
});
