import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateLoginIdChangeReverts1764300001000 implements MigrationInterface {
  name = 'CreateLoginIdChangeReverts1764300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per committed login-ID change: what to restore, and the hashed "this wasn't me" token.
    await queryRunner.createTable(
      new Table({
        name: 'login_id_change_reverts',
        columns: [
          { name: 'change_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'previous_login_id', type: 'varchar', length: '254' },
          { name: 'new_login_id', type: 'varchar', length: '254' },
          { name: 'token_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'committed_at', type: 'datetime', precision: 3 },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'reverted_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex(
      'login_id_change_reverts',
      new TableIndex({ name: 'ux_login_id_change_reverts_token', columnNames: ['token_hash'], isUnique: true }),
    );
    await queryRunner.createIndex('login_id_change_reverts', new TableIndex({ name: 'ix_login_id_change_reverts_member', columnNames: ['member_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_id_change_reverts');
  }
}
