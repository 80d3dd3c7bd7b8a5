import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateNotificationDeliveries1764300000300 implements MigrationInterface {
  name = 'CreateNotificationDeliveries1764300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notification_deliveries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'idempotency_key', type: 'varchar', length: '200' },
          { name: 'channel', type: 'varchar', length: '8' },
          // Masked ("j***@example.com"): the table proves a delivery without holding personal data.
          { name: 'recipient_masked', type: 'varchar', length: '100' },
          { name: 'template', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    // The database decides which of two concurrent senders recorded a key.
    await queryRunner.createIndex(
      'notification_deliveries',
      new TableIndex({
        name: 'ux_notification_deliveries_idempotency_key',
        columnNames: ['idempotency_key'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_deliveries');
  }
}
