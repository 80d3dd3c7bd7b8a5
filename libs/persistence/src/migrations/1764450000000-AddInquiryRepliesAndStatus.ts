import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/** The support inbox: an inquiry's status (OPEN → ANSWERED → CLOSED) and its conversation. */
export class AddInquiryRepliesAndStatus1764450000000 implements MigrationInterface {
  name = 'AddInquiryRepliesAndStatus1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Inquiries sent before the inbox existed were never answered: they start OPEN.
    await queryRunner.addColumn('inquiries', new TableColumn({ name: 'status', type: 'varchar', length: '16', default: "'OPEN'" }));
    await queryRunner.addColumn('inquiries', new TableColumn({ name: 'updated_at', type: 'datetime', precision: 3, isNullable: true }));
    // The inbox: one status, oldest first, cursor on (created_at, id).
    await queryRunner.createIndex('inquiries', new TableIndex({ name: 'ix_inquiries_status_created', columnNames: ['status', 'created_at', 'id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'inquiry_replies',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'inquiry_id', type: 'varchar', length: '36' },
          // MEMBER or REVIEWER; author_id is the member's or the reviewer's ID.
          { name: 'author_type', type: 'varchar', length: '16' },
          { name: 'author_id', type: 'varchar', length: '36' },
          { name: 'body', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['inquiry_id'], referencedTableName: 'inquiries', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex('inquiry_replies', new TableIndex({ name: 'ix_inquiry_replies_inquiry', columnNames: ['inquiry_id', 'created_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inquiry_replies');
    await queryRunner.dropIndex('inquiries', 'ix_inquiries_status_created');
    await queryRunner.dropColumn('inquiries', 'updated_at');
    await queryRunner.dropColumn('inquiries', 'status');
  }
}
