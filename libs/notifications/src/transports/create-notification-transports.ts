import type { AppConfig } from '#app/config';
import { FileOutboxTransport } from './file-outbox.transport.js';
import { NcpSensSmsTransport } from './ncp-sens-sms.transport.js';
import type { NotificationTransports } from './notification-transports.js';
import { SmtpEmailTransport } from './smtp-email.transport.js';

/** The configuration the notifications library reads. */
export type NotificationsConfig = Pick<AppConfig, 'outboxDir' | 'smtpUrl'> & { readonly production?: Pick<AppConfig['production'], 'sms'> };

/**
 * The configured transports: email over SMTP when SMTP_URL is set, else to the outbox folder;
 * SMS through NAVER Cloud SENS when SMS_PROVIDER=ncp-sens, else to the outbox.
 */
export function createNotificationTransports(config: NotificationsConfig): NotificationTransports {
  const outbox = new FileOutboxTransport(config.outboxDir);
  return {
    email: config.smtpUrl ? new SmtpEmailTransport(config.smtpUrl) : outbox,
    sms: config.production?.sms.provider === 'ncp-sens' ? new NcpSensSmsTransport(config.production.sms) : outbox,
  };
}
