import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `AWAITING_SECOND_APPROVAL` (24 characters, four eyes) did not fit the status columns, made 20 wide
 * before that status existed: MySQL refused the first approval's write. SQLite does not enforce a
 * varchar's length, so only MySQL's columns change; the entities declare the new width for both.
 */
export class WidenApplicationStatusColumns1764450000300 implements MigrationInterface {
  name = 'WidenApplicationStatusColumns1764450000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.resize(queryRunner, 32);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.resize(queryRunner, 20);
  }

  private async resize(queryRunner: QueryRunner, width: number): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    await queryRunner.query(`ALTER TABLE required_info_applications MODIFY status varchar(${width}) NOT NULL`);
    await queryRunner.query(`ALTER TABLE application_events MODIFY from_status varchar(${width}) NULL, MODIFY to_status varchar(${width}) NOT NULL`);
  }
}
