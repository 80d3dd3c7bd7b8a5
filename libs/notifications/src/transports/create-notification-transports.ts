import type { AppConfig } from '#app/config';
import { FileOutboxTransport } from './file-outbox.transport.js';
import type { NotificationTransports } from './notification-transports.js';
import { SmtpEmailTransport } from './smtp-email.transport.js';

/** The configuration the notifications library reads. */
export type NotificationsConfig = Pick<AppConfig, 'outboxDir' | 'smtpUrl'>;

/**
 * The configured transports: email over SMTP when SMTP_URL is set, else to the outbox folder;
 * SMS always to the outbox (the embedded default has no SMS provider; plug one in through the
 * SmsTransport port).
 */
export function createNotificationTransports(config: NotificationsConfig): NotificationTransports {
  const outbox = new FileOutboxTransport(config.outboxDir);
  return {
    email: config.smtpUrl ? new SmtpEmailTransport(config.smtpUrl) : outbox,
    sms: outbox,
  };
}
