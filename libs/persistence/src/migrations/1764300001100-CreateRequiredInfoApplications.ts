import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateRequiredInfoApplications1764300001100 implements MigrationInterface {
  name = 'CreateRequiredInfoApplications1764300001100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'required_info_applications',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          // = member_id while the application is open, NULL once it is decided: the unique index
          // below lets the database enforce one open application per member.
          { name: 'open_member_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'requested_member_type', type: 'varchar', length: '32', isNullable: true },
          { name: 'requested_name', type: 'varchar', length: '100', isNullable: true },
          { name: 'requested_business_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'requested_business_registration_number', type: 'varchar', length: '10', isNullable: true },
          { name: 'reason', type: 'varchar', length: '2000' },
          { name: 'claimed_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'info_request_message', type: 'varchar', length: '2000', isNullable: true },
          { name: 'rejection_reason', type: 'varchar', length: '2000', isNullable: true },
          { name: 'decided_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'decided_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'overdue', type: 'boolean', default: false },
          { name: 'submitted_at', type: 'datetime', precision: 3 },
          // When the application entered its current status (review deadlines count from here).
          { name: 'status_since', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'required_info_applications',
      new TableIndex({ name: 'ux_applications_open_member', columnNames: ['open_member_id'], isUnique: true }),
    );
    await queryRunner.createIndex('required_info_applications', new TableIndex({ name: 'ix_applications_member', columnNames: ['member_id', 'submitted_at'] }));
    // The reviewer queue: by status, oldest first, keyset-paginated on (submitted_at, id).
    await queryRunner.createIndex(
      'required_info_applications',
      new TableIndex({ name: 'ix_applications_queue', columnNames: ['status', 'submitted_at', 'id'] }),
    );
    await queryRunner.createIndex(
      'required_info_applications',
      new TableIndex({ name: 'ix_applications_overdue_queue', columnNames: ['overdue', 'submitted_at', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('required_info_applications');
  }
}
