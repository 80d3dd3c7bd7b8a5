import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

export class AddFourEyesToApplications1764420000010 implements MigrationInterface {
  name = 'AddFourEyesToApplications1764420000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Four eyes: whether the application needs a second approval, and who gave the first one
    // (the queue and the review page show it; the workflow refuses that reviewer the second).
    await queryRunner.addColumns('required_info_applications', [
      new TableColumn({ name: 'four_eyes', type: 'boolean', default: false }),
      new TableColumn({ name: 'first_approved_by', type: 'varchar', length: '36', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('required_info_applications', 'first_approved_by');
    await queryRunner.dropColumn('required_info_applications', 'four_eyes');
  }
}
