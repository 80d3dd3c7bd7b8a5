import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

export class AddPasswordResetRequiredToMembers1764430000000 implements MigrationInterface {
  name = 'AddPasswordResetRequiredToMembers1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A reverted login-ID change voids the password: whoever changed the address knew it.
    await queryRunner.addColumn('members', new TableColumn({ name: 'password_reset_required', type: 'boolean', default: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('members', 'password_reset_required');
  }
}
