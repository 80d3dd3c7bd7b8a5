import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PlainRowReader } from '#app/persistence';
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
 * The account page's read path (GET /me/account, quality.md P3): one plain prepared SELECT of the
 * shown columns (PlainRowReader), without the query builder and entity hydration of a repository find.
 */
@Injectable()
export class AccountViewQuery {
  private readonly byId: PlainRowReader<MemberEntity, (typeof VIEW_PROPERTIES)[number]>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.byId = new PlainRowReader(dataSource, MemberEntity, VIEW_PROPERTIES, 'id');
  }

  find(memberId: string): Promise<AccountView | null> {
    // Not `async` (one promise per call, see PlainRowReader.findOne).
    return this.byId.findOne(memberId).then((member) => (member ? toAccountView({ ...member, version: Number(member.version) }) : null));
  }
}
