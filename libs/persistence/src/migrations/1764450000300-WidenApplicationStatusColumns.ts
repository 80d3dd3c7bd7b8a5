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
    if (queryRunner.connection.options.type === 'mysql') {
      // MySQL commits each ALTER on its own: refuse before the first one rather than stop halfway.
      const [{ count }] = await queryRunner.query(
        `SELECT (SELECT COUNT(*) FROM required_info_applications WHERE CHAR_LENGTH(status) > 20)
              + (SELECT COUNT(*) FROM application_events WHERE CHAR_LENGTH(from_status) > 20 OR CHAR_LENGTH(to_status) > 20) AS count`,
      );
      if (Number(count) > 0)
        throw new Error(
          `${count} application row(s) hold a status longer than 20 characters (AWAITING_SECOND_APPROVAL): decide them before reverting this migration`,
        );
    }
    await this.resize(queryRunner, 20);
  }

  private async resize(queryRunner: QueryRunner, width: number): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    await queryRunner.query(`ALTER TABLE required_info_applications MODIFY status varchar(${width}) NOT NULL`);
    await queryRunner.query(`ALTER TABLE application_events MODIFY from_status varchar(${width}) NULL, MODIFY to_status varchar(${width}) NOT NULL`);
  }
}
