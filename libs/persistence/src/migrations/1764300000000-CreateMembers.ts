import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateMembers1764300000000 implements MigrationInterface {
  name = 'CreateMembers1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'members',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'login_id', type: 'varchar', length: '254' },
          { name: 'password_hash', type: 'varchar', length: '100' },
          { name: 'member_type', type: 'varchar', length: '32' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'business_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'business_registration_number', type: 'varchar', length: '10', isNullable: true },
          { name: 'mobile_phone', type: 'varchar', length: '20' },
          { name: 'language', type: 'varchar', length: '2' },
          { name: 'service_area', type: 'varchar', length: '32' },
          { name: 'billing_email', type: 'varchar', length: '254' },
          { name: 'address_country', type: 'varchar', length: '2', isNullable: true },
          { name: 'address_postal_code', type: 'varchar', length: '16', isNullable: true },
          { name: 'address_line1', type: 'varchar', length: '200', isNullable: true },
          { name: 'address_line2', type: 'varchar', length: '200', isNullable: true },
          { name: 'failed_password_attempts', type: 'int', default: 0 },
          { name: 'locked_until', type: 'datetime', precision: 3, isNullable: true },
          { name: 'version', type: 'int', default: 1 },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    // The normalised login ID is unique: the database decides sign-up and login-ID change races.
    await queryRunner.createIndex('members', new TableIndex({ name: 'ux_members_login_id', columnNames: ['login_id'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('members');
  }
}
