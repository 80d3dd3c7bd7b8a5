export * from './notification.service.js';
export * from './notification-request.js';
export { NOTIFICATION_METRICS, noticesFailedTotal, noticesSentTotal } from './notification-metrics.js';
export { NOTIFICATION_ENTITIES, NotificationsModule } from './notifications.module.js';
export { NotificationDeliveryEntity } from './delivery/notification-delivery.entity.js';
export { renderTemplate } from './templates/render-template.js';
export {
  isTemplateName,
  TEMPLATE_NAMES,
  TEMPLATES,
  type Channel,
  type ParamKind,
  type RenderedMessage,
  type TemplateChannel,
  type TemplateName,
  type TemplateParams,
} from './templates/template-definitions.js';
export * from './transports/notification-transports.js';
export * from './transports/create-notification-transports.js';
export { FileOutboxTransport, outboxFileName, type OutboxMessage } from './transports/file-outbox.transport.js';
export { SmtpEmailTransport } from './transports/smtp-email.transport.js';
export { maskRecipient } from './recipient-mask.js';
