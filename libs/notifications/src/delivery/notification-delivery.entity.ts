import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MAX_MASKED_RECIPIENT_LENGTH } from '../recipient-mask.js';
import type { Channel } from '../templates/template-definitions.js';

/** One delivered notification, by idempotency key. Holds no message text and no plain recipient. */
@Entity({ name: 'notification_deliveries' })
export class NotificationDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: Channel;

  @Column({ name: 'recipient_masked', type: 'varchar', length: MAX_MASKED_RECIPIENT_LENGTH })
  recipientMasked!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
