import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateMemberSessions1764300000200 implements MigrationInterface {
  name = 'CreateMemberSessions1764300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'member_sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          // SHA-256 of the bearer token: the token itself is never stored.
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'last_used_at', type: 'datetime', precision: 3 },
          { name: 'idle_expires_at', type: 'datetime', precision: 3 },
          { name: 'absolute_expires_at', type: 'datetime', precision: 3 },
          { name: 'privileged_until', type: 'datetime', precision: 3, isNullable: true },
          { name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'client_ip', type: 'varchar', length: '45', isNullable: true },
          { name: 'user_agent', type: 'varchar', length: '255', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex('member_sessions', new TableIndex({ name: 'ux_member_sessions_token', columnNames: ['token_hash'], isUnique: true }));
    await queryRunner.createIndex('member_sessions', new TableIndex({ name: 'ix_member_sessions_member', columnNames: ['member_id', 'revoked_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('member_sessions');
  }
}
