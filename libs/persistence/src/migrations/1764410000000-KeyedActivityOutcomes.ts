import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Exactly-once activities (a retried activity returns what its first run did):
 * - verification_codes.issue_key / code_seed: the send that made the current code, and the seed its
 *   code is derived from, so a retried send re-sends the SAME code instead of a new one;
 * - verification_checks: one recorded outcome per check key, so a retried check answers as the first did;
 * - audit_events.idempotency_key: one audit row per keyed event, however often the activity runs.
 */
export class KeyedActivityOutcomes1764410000000 implements MigrationInterface {
  name = 'KeyedActivityOutcomes1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('verification_codes', [
      new TableColumn({ name: 'issue_key', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'code_seed', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'verification_checks',
        columns: [
          { name: 'check_key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'purpose', type: 'varchar', length: '32' },
          { name: 'subject_id', type: 'varchar', length: '100' },
          { name: 'outcome', type: 'varchar', length: '32' },
          { name: 'attempts_remaining', type: 'int', isNullable: true },
          { name: 'target', type: 'varchar', length: '254', isNullable: true },
          { name: 'checked_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex('verification_checks', new TableIndex({ name: 'ix_verification_checks_subject', columnNames: ['purpose', 'subject_id'] }));
    await queryRunner.addColumn('audit_events', new TableColumn({ name: 'idempotency_key', type: 'varchar', length: '200', isNullable: true }));
    await queryRunner.createIndex(
      'audit_events',
      new TableIndex({ name: 'ux_audit_events_idempotency_key', columnNames: ['idempotency_key'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('audit_events', 'ux_audit_events_idempotency_key');
    await queryRunner.dropColumn('audit_events', 'idempotency_key');
    await queryRunner.dropTable('verification_checks');
    await queryRunner.dropColumns('verification_codes', ['issue_key', 'code_seed']);
  }
}
