import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { idempotencyDigest } from '../idempotency-key.js';
import type { Channel } from '../templates/template-definitions.js';
import type { EmailMessage, EmailTransport, SendOutcome, SmsMessage, SmsTransport } from './notification-transports.js';

/** One outbox file, exactly as docs/api.md describes it. */
export interface OutboxMessage {
  readonly channel: Channel;
  readonly to: string;
  readonly subject?: string;
  readonly text: string;
  readonly createdAt: string;
}

/** The outbox file name of a message: deterministic, so a retried send finds its earlier file. */
export function outboxFileName(channel: Channel, idempotencyKey: string): string {
  return `${channel}-${idempotencyDigest(idempotencyKey)}.json`;
}

/**
 * Writes every message as one JSON file in the outbox folder (the embedded default for email and
 * SMS). Atomic and exclusive: the file is written under a temporary name, then hard-linked to its
 * final name, which fails if that name exists; readers never see half a file and a duplicate key
 * never writes a second one.
 */
export class FileOutboxTransport implements EmailTransport, SmsTransport {
  constructor(
    readonly directory: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  sendEmail({ to, subject, text, idempotencyKey }: EmailMessage): Promise<SendOutcome> {
    return this.write({ channel: 'email', to, subject, text, createdAt: this.now().toISOString() }, idempotencyKey);
  }

  sendSms({ to, text, idempotencyKey }: SmsMessage): Promise<SendOutcome> {
    return this.write({ channel: 'sms', to, text, createdAt: this.now().toISOString() }, idempotencyKey);
  }

  private async write(message: OutboxMessage, idempotencyKey: string): Promise<SendOutcome> {
    const target = path.join(this.directory, outboxFileName(message.channel, idempotencyKey));
    // Dot-prefixed and not *.json, so readers listing the outbox skip it.
    const temporary = path.join(this.directory, `.${randomUUID()}.tmp`);
    // No existence check first: the link decides, for a retry as for a race (P4, docs/quality.md:
    // each file system call is a trip through libuv's pool, and a retry is rare).
    try {
      const handle = await this.openExclusive(temporary);
      try {
        await handle.writeFile(`${JSON.stringify(message, null, 2)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.link(temporary, target);
      return 'sent';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'duplicate';
      throw error;
    } finally {
      await fs.unlink(temporary).catch(ignoreMissing);
    }
  }

  /** Opens a new file, creating the folder when it is missing (the first message, or after it was removed). */
  private async openExclusive(file: string): Promise<fs.FileHandle> {
    try {
      return await fs.open(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await fs.mkdir(this.directory, { recursive: true });
      return fs.open(file, 'wx');
    }
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
