import { createRequire } from 'node:module';
import type { Mail, SMTPSentMessageInfo, SMTPTransportOptions } from 'nodemailer';
import { idempotencyDigest } from '../idempotency-key.js';
import type { EmailMessage, EmailTransport, SendOutcome } from './notification-transports.js';

// Sender used when SMTP_URL carries no `from` query parameter.
export const DEFAULT_SENDER = 'no-reply@localhost';

// The Message-ID for an idempotency key: the same on every retry, so a mail server or client
// that deduplicates by Message-ID shows a retried send once.
export function messageIdFor(idempotencyKey: string, sender: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(sender)?.[1] ?? 'localhost';
  return `<${idempotencyDigest(idempotencyKey).slice(0, 40)}@${domain}>`;
}

// Splits `smtp://host:port?from=no-reply%40example.com` into nodemailer's URL and the sender.
export function parseSmtpUrl(smtpUrl: string): { url: string; sender: string } {
  const url = new URL(smtpUrl);
  const sender = url.searchParams.get('from') ?? DEFAULT_SENDER;
  url.searchParams.delete('from');
  return { url: url.toString(), sender };
}

/**
 * Sends email over SMTP with nodemailer (SMTP_URL). The sender comes from the URL's `from`
 * parameter. Each message carries a Message-ID derived from its idempotency key.
 */
export class SmtpEmailTransport implements EmailTransport {
  readonly sender: string;
  private readonly transporter: Mail<SMTPSentMessageInfo, SMTPTransportOptions>;

  constructor(smtpUrl: string) {
    const { url, sender } = parseSmtpUrl(smtpUrl);
    this.sender = sender;
    // Bounded waits: a stuck server fails the send (and the caller retries) instead of hanging it.
    // Settings given in the URL's query win over these.
    // nodemailer is loaded only when SMTP is configured: the file outbox never needs it (quality.md P6).
    const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof import('nodemailer');
    this.transporter = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async sendEmail({ to, subject, text, idempotencyKey }: EmailMessage): Promise<SendOutcome> {
    await this.transporter.sendMail({
      from: this.sender,
      to,
      subject,
      text,
      messageId: messageIdFor(idempotencyKey, this.sender),
    });
    return 'sent';
  }
}
