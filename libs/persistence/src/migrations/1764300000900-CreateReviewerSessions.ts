import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateReviewerSessions1764300000900 implements MigrationInterface {
  name = 'CreateReviewerSessions1764300000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reviewer_sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'reviewer_id', type: 'varchar', length: '36' },
          // SHA-256 of the bearer token: the token itself is never stored.
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'last_used_at', type: 'datetime', precision: 3 },
          { name: 'idle_expires_at', type: 'datetime', precision: 3 },
          { name: 'absolute_expires_at', type: 'datetime', precision: 3 },
          { name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'client_ip', type: 'varchar', length: '45', isNullable: true },
          { name: 'user_agent', type: 'varchar', length: '255', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['reviewer_id'], referencedTableName: 'reviewers', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex('reviewer_sessions', new TableIndex({ name: 'ux_reviewer_sessions_token', columnNames: ['token_hash'], isUnique: true }));
    await queryRunner.createIndex('reviewer_sessions', new TableIndex({ name: 'ix_reviewer_sessions_reviewer', columnNames: ['reviewer_id', 'revoked_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reviewer_sessions');
  }
}
