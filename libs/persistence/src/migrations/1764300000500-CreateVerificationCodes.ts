import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateVerificationCodes1764300000500 implements MigrationInterface {
  name = 'CreateVerificationCodes1764300000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'verification_codes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'purpose', type: 'varchar', length: '32' },
          // What the code is for: a member ID, or a workflow's change ID.
          { name: 'subject_id', type: 'varchar', length: '100' },
          // Where the code was sent (the new phone or address), applied once verified.
          { name: 'target', type: 'varchar', length: '254' },
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'code_salt', type: 'varchar', length: '32' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'failed_attempts', type: 'int', default: 0 },
          { name: 'max_attempts', type: 'int' },
          { name: 'sent_count', type: 'int', default: 1 },
          { name: 'last_sent_at', type: 'datetime', precision: 3 },
          { name: 'consumed_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    // One code per purpose and subject: issuing again replaces it.
    await queryRunner.createIndex(
      'verification_codes',
      new TableIndex({ name: 'ux_verification_codes_subject', columnNames: ['purpose', 'subject_id'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('verification_codes');
  }
}
