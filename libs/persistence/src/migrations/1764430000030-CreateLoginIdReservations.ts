import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateLoginIdReservations1764430000030 implements MigrationInterface {
  name = 'CreateLoginIdReservations1764430000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A login ID given up by a change stays the member's for the revert window: nobody can take it.
    await queryRunner.createTable(
      new Table({
        name: 'login_id_reservations',
        columns: [
          { name: 'login_id', type: 'varchar', length: '254', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'reserved_until', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['member_id'], referencedTableName: 'members', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createIndex('login_id_reservations', new TableIndex({ name: 'ix_login_id_reservations_member', columnNames: ['member_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_id_reservations');
  }
}
