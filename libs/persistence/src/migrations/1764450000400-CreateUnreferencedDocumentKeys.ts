import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Storage keys whose content may exist without a committed `documents` row: recorded before an upload
 * is written and when a row is deleted, removed when the row commits or the content is gone. The
 * worker's sweeper deletes what is left after a grace period (a delete that failed, a crash).
 */
export class CreateUnreferencedDocumentKeys1764450000400 implements MigrationInterface {
  name = 'CreateUnreferencedDocumentKeys1764450000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'unreferenced_document_keys',
        columns: [
          { name: 'storage_key', type: 'varchar', length: '100', isPrimary: true },
          { name: 'recorded_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'unreferenced_document_keys',
      new TableIndex({ name: 'ix_unreferenced_document_keys_recorded', columnNames: ['recorded_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('unreferenced_document_keys');
  }
}
