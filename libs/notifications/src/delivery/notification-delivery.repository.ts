import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { isUniqueViolation } from '#app/persistence';
import type { Channel } from '../templates/template-definitions.js';
import { NotificationDeliveryEntity } from './notification-delivery.entity.js';

export interface DeliveryRecord {
  readonly idempotencyKey: string;
  readonly channel: Channel;
  readonly recipientMasked: string;
  readonly template: string;
}

// The notification_deliveries table: which idempotency keys were already delivered.
export class NotificationDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get deliveries(): Repository<NotificationDeliveryEntity> {
    return this.dataSource.getRepository(NotificationDeliveryEntity);
  }

  isDelivered(idempotencyKey: string): Promise<boolean> {
    return this.deliveries.existsBy({ idempotencyKey });
  }

  // False when another sender recorded the same key first.
  async recordDelivery(record: DeliveryRecord): Promise<boolean> {
    try {
      await this.deliveries.insert({ id: randomUUID(), ...record, createdAt: new Date() });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
