/** What a transport reports: delivered now, or it had already delivered this idempotency key. */
export type SendOutcome = 'sent' | 'duplicate';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Same key → same message: transports use it for file names and Message-IDs. */
  readonly idempotencyKey: string;
}

export interface SmsMessage {
  readonly to: string;
  readonly text: string;
  readonly idempotencyKey: string;
}

/** Port for outgoing email (SMTP in production, the file outbox in the embedded default). */
export interface EmailTransport {
  sendEmail(message: EmailMessage): Promise<SendOutcome>;
}

/** Port for outgoing SMS (a provider adapter in production, the file outbox in the embedded default). */
export interface SmsTransport {
  sendSms(message: SmsMessage): Promise<SendOutcome>;
  /** For /health: whether the provider answered lately (absent: always up). */
  status?(): Promise<'up' | 'down'>;
}

export interface NotificationTransports {
  readonly email: EmailTransport;
  readonly sms: SmsTransport;
}

/** Nest token for the transports; override it in tests or to plug in an SMS provider. */
export const NOTIFICATION_TRANSPORTS = Symbol('NOTIFICATION_TRANSPORTS');
