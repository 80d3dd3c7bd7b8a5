import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { messagesTo, type OutboxMessage } from './outbox.js';

/** The portal link of a reset email, e.g. http://127.0.0.1:3003/password-reset?token=… */
export function resetLinkIn(message: OutboxMessage): URL {
  const link = message.text.match(/https?:\/\/\S+\/password-reset\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`No password reset link in "${message.subject}"`);
  return new URL(link);
}

/** Waits until `to` received `count` emails with a reset link; returns those, oldest first. */
export async function waitForResetLinks(to: string, count: number): Promise<URL[]> {
  const links = () => messagesTo(to, 'email').filter((message) => /\/password-reset\?token=/.test(message.text));
  await waitFor(() => links().length >= count, { timeoutMs: 30_000, what: `${count} reset link(s) to ${to}` });
  return links().map(resetLinkIn);
}
