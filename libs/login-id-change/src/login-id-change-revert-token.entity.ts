import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A "this wasn't me" token of a committed change, stored as its SHA-256. A change may have more than
 * one: a retried old-address notice whose first message already left (the worker died before its
 * delivery row) mints another, and the link the member already holds must keep working. Every token
 * of a change ends with it: a revert marks the change, not the token.
 */
@Entity('login_id_change_revert_tokens')
export class LoginIdChangeRevertTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'change_id', type: 'varchar', length: 36 })
  changeId!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
