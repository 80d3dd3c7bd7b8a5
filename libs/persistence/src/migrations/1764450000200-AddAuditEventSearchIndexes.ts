import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The audit viewer pages newest first, over everything or one event type (member_id has its index). */
export class AddAuditEventSearchIndexes1764450000200 implements MigrationInterface {
  name = 'AddAuditEventSearchIndexes1764450000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('audit_events', new TableIndex({ name: 'ix_audit_events_occurred', columnNames: ['occurred_at', 'id'] }));
    await queryRunner.createIndex('audit_events', new TableIndex({ name: 'ix_audit_events_action', columnNames: ['action', 'occurred_at', 'id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('audit_events', 'ix_audit_events_action');
    await queryRunner.dropIndex('audit_events', 'ix_audit_events_occurred');
  }
}
