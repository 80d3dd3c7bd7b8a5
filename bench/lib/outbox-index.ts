import fs from 'node:fs/promises';
import path from 'node:path';

/** One outbox file, as docs/api.md describes it. */
export interface OutboxMessage {
  readonly channel: 'email' | 'sms';
  readonly to: string;
  readonly subject?: string;
  readonly text: string;
  readonly createdAt: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads an outbox folder incrementally: every file once, indexed by channel and recipient, so a
 * bench reading hundreds of codes does not re-read the whole folder each time.
 */
export class OutboxIndex {
  private readonly files = new Map<string, Promise<void>>();
  private readonly messages = new Map<string, OutboxMessage[]>();

  constructor(readonly directory: string) {}

  /** Reads the files that appeared since the last call. */
  async refresh(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const reads: Promise<void>[] = [];
    for (const name of names) {
      // Files are linked into place whole; temporary ones are dot-prefixed and not *.json.
      if (!name.endsWith('.json')) continue;
      let read = this.files.get(name);
      if (!read) {
        read = this.read(name);
        this.files.set(name, read);
      }
      reads.push(read);
    }
    await Promise.all(reads);
  }

  /** The messages read so far to `to` on `channel`, oldest first. */
  messagesTo(to: string, channel: OutboxMessage['channel']): readonly OutboxMessage[] {
    return this.messages.get(`${channel} ${to}`) ?? [];
  }

  /** The 6-digit code of the newest message to `to`, waiting (bounded) for one to arrive. */
  async latestCode(to: string, channel: OutboxMessage['channel'], timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.refresh();
      const code = this.messagesTo(to, channel)
        .at(-1)
        ?.text.match(/\b(\d{6})\b/)?.[1];
      if (code) return code;
      if (Date.now() > deadline) throw new Error(`no ${channel} code for ${to} in the outbox after ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  private async read(name: string): Promise<void> {
    const message = JSON.parse(await fs.readFile(path.join(this.directory, name), 'utf8')) as OutboxMessage;
    const key = `${message.channel} ${message.to}`;
    const list = this.messages.get(key) ?? [];
    list.push(message);
    list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    this.messages.set(key, list);
  }
}
