import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * The "this wasn't me" tokens move to a table of their own, several per change: a worker that dies
 * after the old-address notice left but before its delivery row was written mints a second token on
 * retry, and the first link (the one the member may click) must keep working. Tokens stay hashed;
 * the ones already sent move over, so every link in a mailbox still works after the upgrade.
 */
export class CreateLoginIdChangeRevertTokens1764460000000 implements MigrationInterface {
  name = 'CreateLoginIdChangeRevertTokens1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'login_id_change_revert_tokens',
        columns: [
          { name: 'token_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'change_id', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [
          { columnNames: ['change_id'], referencedTableName: 'login_id_change_reverts', referencedColumnNames: ['change_id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'login_id_change_revert_tokens',
      new TableIndex({ name: 'ix_login_id_change_revert_tokens_change', columnNames: ['change_id'] }),
    );
    await queryRunner.query(
      `INSERT INTO login_id_change_revert_tokens (token_hash, change_id, created_at)
       SELECT token_hash, change_id, committed_at FROM login_id_change_reverts WHERE token_hash IS NOT NULL`,
    );
    await queryRunner.dropIndex('login_id_change_reverts', 'ux_login_id_change_reverts_token');
    await queryRunner.dropColumn('login_id_change_reverts', 'token_hash');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('login_id_change_reverts', new TableColumn({ name: 'token_hash', type: 'varchar', length: '64', isNullable: true }));
    // One token per change again: any one of them survives, the others stop working.
    await queryRunner.query(
      `UPDATE login_id_change_reverts SET token_hash =
         (SELECT MAX(t.token_hash) FROM login_id_change_revert_tokens t WHERE t.change_id = login_id_change_reverts.change_id)`,
    );
    await queryRunner.createIndex(
      'login_id_change_reverts',
      new TableIndex({ name: 'ux_login_id_change_reverts_token', columnNames: ['token_hash'], isUnique: true }),
    );
    await queryRunner.dropTable('login_id_change_revert_tokens');
  }
}
