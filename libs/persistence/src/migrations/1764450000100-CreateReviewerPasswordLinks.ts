import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Single-use, time-limited set-password links for reviewer accounts (invitation and reset). */
export class CreateReviewerPasswordLinks1764450000100 implements MigrationInterface {
  name = 'CreateReviewerPasswordLinks1764450000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reviewer_password_links',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'reviewer_id', type: 'varchar', length: '36' },
          // SHA-256 of the link's token: the token itself is only in the email.
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          // Set when used, or when a newer link for the same reviewer replaces it.
          { name: 'used_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['reviewer_id'], referencedTableName: 'reviewers', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex(
      'reviewer_password_links',
      new TableIndex({ name: 'ux_reviewer_password_links_token', columnNames: ['token_hash'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'reviewer_password_links',
      new TableIndex({ name: 'ix_reviewer_password_links_reviewer', columnNames: ['reviewer_id', 'used_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reviewer_password_links');
  }
}
