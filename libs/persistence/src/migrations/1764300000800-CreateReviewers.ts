import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateReviewers1764300000800 implements MigrationInterface {
  name = 'CreateReviewers1764300000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reviewers',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'password_hash', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'display_name', type: 'varchar', length: '100' },
          { name: 'disabled_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'failed_password_attempts', type: 'int', default: 0 },
          { name: 'locked_until', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    // The normalised email is unique: the database decides two operators creating the same account.
    await queryRunner.createIndex('reviewers', new TableIndex({ name: 'ux_reviewers_email', columnNames: ['email'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reviewers');
  }
}
