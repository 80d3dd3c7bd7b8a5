import { Counter } from 'prom-client';

// Counted by NotificationService.send in whichever process sends (API, admin app, worker). They
// belong to no registry here: libs/web adds them to the process's /metrics registry.

/** Messages a transport delivered, by channel (a key already delivered is not counted again). */
export const noticesSentTotal = new Counter({
  name: 'notices_sent_total',
  help: 'Notifications this process handed to a transport that delivered them, by channel (email, sms)',
  labelNames: ['channel'] as const,
  registers: [],
});

/** Send attempts the transport refused or could not complete (SMTP down, SMS provider error …), by channel. */
export const noticesFailedTotal = new Counter({
  name: 'notices_failed_total',
  help: 'Notification send attempts of this process that failed in the transport, by channel (email, sms); a retried notice counts each failure',
  labelNames: ['channel'] as const,
  registers: [],
});

export const NOTIFICATION_METRICS = [noticesSentTotal, noticesFailedTotal] as const;
