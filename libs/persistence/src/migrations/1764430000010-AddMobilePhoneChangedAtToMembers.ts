import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

export class AddMobilePhoneChangedAtToMembers1764430000010 implements MigrationInterface {
  name = 'AddMobilePhoneChangedAtToMembers1764430000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The login-ID change cools off after a mobile-number change: the SMS factor must mean something.
    await queryRunner.addColumn('members', new TableColumn({ name: 'mobile_phone_changed_at', type: 'datetime', precision: 3, isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('members', 'mobile_phone_changed_at');
  }
}
