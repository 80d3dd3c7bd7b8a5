import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '#app/core';
import { APP_CONFIG } from '#app/config';
import { NotificationDeliveryRepository } from './delivery/notification-delivery.repository.js';
import { assertIdempotencyKey } from './idempotency-key.js';
import { noticesFailedTotal, noticesSentTotal } from './notification-metrics.js';
import type { NotificationRequest } from './notification-request.js';
import { maskRecipient } from './recipient-mask.js';
import { renderTemplate } from './templates/render-template.js';
import { isTemplateName, TEMPLATES } from './templates/template-definitions.js';
import { createNotificationTransports, type NotificationsConfig } from './transports/create-notification-transports.js';
import { NOTIFICATION_TRANSPORTS, type NotificationTransports, type SendOutcome } from './transports/notification-transports.js';

/**
 * Sends the product's notifications: a template rendered in the member's language (ko, en, ja),
 * by email or SMS, delivered once per idempotency key.
 *
 * ```ts
 * await notifications.send({
 *   channel: 'email',
 *   to: member.loginId,
 *   template: 'account-locked',
 *   language: member.language,
 *   params: { name: member.name, lockedUntil: lockedUntil.toISOString() },
 *   idempotencyKey: `account-locked:${member.id}:${lockedUntil.toISOString()}`,
 * }); // 'sent' | 'duplicate'
 * ```
 *
 * - Transports: email over SMTP when `SMTP_URL` is set (sender from its `?from=` parameter,
 *   default `no-reply@localhost`), else (and for SMS always) one JSON file per message in
 *   `OUTBOX_DIR`. Pass `transports` to plug in others (an SMS provider, a test double).
 * - Idempotency: a key already in `notification_deliveries` is not sent again (`'duplicate'`);
 *   the key is recorded after a successful send. If the process dies between the two, a retry
 *   sends again: the outbox then finds its file by the key's hash, and SMTP repeats the same
 *   Message-ID. Choose keys from business facts (member ID, event time, workflow ID), never random.
 * - Bad input (unknown template, wrong channel, invalid parameter or key) is a `DomainError`
 *   with `VALIDATION_FAILED`, naming the parameter, never its value.
 * - Metrics: `notices_sent_total{channel}` counts what a transport delivered, `notices_failed_total{channel}`
 *   every attempt the transport failed (notification-metrics.ts; on the process's /metrics).
 * - Logs name the template, channel, masked recipient and outcome; never codes, tokens or text.
 *
 * In Nest, import `NotificationsModule` (the app needs `ConfigModule` and `PersistenceModule`).
 * Elsewhere (scripts), construct it by hand with a data source whose entities include
 * `NOTIFICATION_ENTITIES`: `new NotificationService(dataSource, config)`.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);
  private readonly deliveries: NotificationDeliveryRepository;
  private readonly transports: NotificationTransports;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) config: NotificationsConfig,
    @Optional() @Inject(NOTIFICATION_TRANSPORTS) transports?: NotificationTransports,
  ) {
    this.deliveries = new NotificationDeliveryRepository(dataSource);
    this.transports = transports ?? createNotificationTransports(config);
  }

  /** Whether a message with this key was already delivered (for senders that must not re-create its content). */
  isDelivered(idempotencyKey: string): Promise<boolean> {
    return this.deliveries.isDelivered(idempotencyKey);
  }

  async send(request: NotificationRequest): Promise<SendOutcome> {
    const { channel, to, template, language, params, idempotencyKey } = request;
    assertIdempotencyKey(idempotencyKey);
    if (!isTemplateName(template) || TEMPLATES[template].channel !== channel) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Template and channel do not match', { template, channel });
    }
    if (typeof to !== 'string' || to.trim() === '') {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Recipient missing', { param: 'to' });
    }
    const message = renderTemplate(template, language, params);
    const recipient = maskRecipient(channel, to);

    if (await this.deliveries.isDelivered(idempotencyKey)) {
      this.logger.log(`Notification ${template} (${channel}) to ${recipient} already delivered`);
      return 'duplicate';
    }
    let outcome: SendOutcome;
    try {
      outcome =
        channel === 'email'
          ? await this.transports.email.sendEmail({ to, subject: message.subject, text: message.text, idempotencyKey })
          : await this.transports.sms.sendSms({ to, text: message.text, idempotencyKey });
    } catch (error) {
      noticesFailedTotal.inc({ channel });
      throw error;
    }
    if (outcome === 'sent') noticesSentTotal.inc({ channel });
    // A unique violation here means a concurrent sender recorded the key first: nothing to undo.
    await this.deliveries.recordDelivery({ idempotencyKey, channel, recipientMasked: recipient, template });
    this.logger.log(`Notification ${template} (${channel}) to ${recipient}: ${outcome}`);
    return outcome;
  }
}
