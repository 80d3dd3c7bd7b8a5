import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateInquiries1764300000700 implements MigrationInterface {
  name = 'CreateInquiries1764300000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'inquiries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'category', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'] }],
      }),
    );
    // The member's inquiries, newest first.
    await queryRunner.createIndex('inquiries', new TableIndex({ name: 'ix_inquiries_member_created', columnNames: ['member_id', 'created_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inquiries');
  }
}
