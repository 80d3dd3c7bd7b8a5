import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateApplicationEvents1764300001200 implements MigrationInterface {
  name = 'CreateApplicationEvents1764300001200';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The history a member and a reviewer see: one row per transition, with its note.
    await queryRunner.createTable(
      new Table({
        name: 'application_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'application_id', type: 'varchar', length: '36' },
          { name: 'occurred_at', type: 'datetime', precision: 3 },
          { name: 'actor_type', type: 'varchar', length: '16' },
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'from_status', type: 'varchar', length: '20', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '20' },
          { name: 'note', type: 'varchar', length: '2000', isNullable: true },
          // Idempotency of the workflow's transitions: one row per transition key.
          { name: 'transition_key', type: 'varchar', length: '120' },
        ],
        foreignKeys: [
          { columnNames: ['application_id'], referencedTableName: 'required_info_applications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createIndex('application_events', new TableIndex({ name: 'ux_application_events_key', columnNames: ['transition_key'], isUnique: true }));
    await queryRunner.createIndex('application_events', new TableIndex({ name: 'ix_application_events_app', columnNames: ['application_id', 'occurred_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('application_events');
  }
}
