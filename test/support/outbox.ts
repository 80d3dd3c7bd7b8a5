import fs from 'node:fs';
import path from 'node:path';

export interface OutboxMessage {
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  text: string;
  createdAt: string;
}

/** Every message in the run's outbox folder, oldest first. */
export function readOutbox(dir = process.env.OUTBOX_DIR!): OutboxMessage[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as OutboxMessage)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function messagesTo(to: string, channel?: 'email' | 'sms'): OutboxMessage[] {
  return readOutbox().filter((message) => message.to === to && (!channel || message.channel === channel));
}

/** The 6-digit code of the newest message to `to`. */
export function latestCode(to: string, channel: 'email' | 'sms'): string {
  const message = messagesTo(to, channel).at(-1);
  const code = message?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`No ${channel} code sent to ${to}`);
  return code;
}
