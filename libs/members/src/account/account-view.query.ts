import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MemberEntity } from '../member.entity.js';
import { toAccountView, type AccountView } from './account-view.js';

// What the account page shows, by entity property.
const VIEW_PROPERTIES = [
  'id',
  'memberType',
  'loginId',
  'name',
  'businessName',
  'businessRegistrationNumber',
  'language',
  'addressCountry',
  'addressPostalCode',
  'addressLine1',
  'addressLine2',
  'mobilePhone',
  'billingEmail',
  'serviceArea',
  'version',
] as const satisfies readonly (keyof MemberEntity)[];

/**
 * The account page's read path (GET /me/account, quality.md P3): one plain SELECT of the shown
 * columns, without the query builder and entity hydration of a repository find. Column names
 * come from MemberEntity's metadata, so the mapping has one source.
 */
@Injectable()
export class AccountViewQuery {
  private statement?: { sql: string; columns: readonly { property: string; column: string }[] };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(memberId: string): Promise<AccountView | null> {
    const { sql, columns } = this.prepare();
    const rows = (await this.dataSource.query(sql, [memberId])) as Record<string, unknown>[];
    if (rows.length === 0) return null;
    const member = new MemberEntity();
    for (const { property, column } of columns) Object.assign(member, { [property]: rows[0][column] });
    member.version = Number(member.version);
    return toAccountView(member);
  }

  private prepare(): NonNullable<AccountViewQuery['statement']> {
    if (this.statement) return this.statement;
    const metadata = this.dataSource.getMetadata(MemberEntity);
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const columns = VIEW_PROPERTIES.map((property) => ({ property, column: metadata.findColumnWithPropertyName(property)!.databaseName }));
    const id = columns.find((entry) => entry.property === 'id')!.column;
    const sql = `SELECT ${columns.map((entry) => escape(entry.column)).join(', ')} FROM ${escape(metadata.tableName)} WHERE ${escape(id)} = ? LIMIT 1`;
    this.statement = { sql, columns };
    return this.statement;
  }
}
