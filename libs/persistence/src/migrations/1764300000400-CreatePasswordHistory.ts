import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreatePasswordHistory1764300000400 implements MigrationInterface {
  name = 'CreatePasswordHistory1764300000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The hashes of the member's previous passwords (not the current one), newest kept, for the
    // "3 recently used passwords" rule; only as many as the rule needs are kept.
    await queryRunner.createTable(
      new Table({
        name: 'password_history',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'password_hash', type: 'varchar', length: '100' },
          { name: 'replaced_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex('password_history', new TableIndex({ name: 'ix_password_history_member', columnNames: ['member_id', 'replaced_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('password_history');
  }
}
