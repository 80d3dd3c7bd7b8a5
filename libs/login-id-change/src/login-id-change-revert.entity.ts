import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A committed login-ID change that the old address may undo within a week (its tokens: LoginIdChangeRevertTokenEntity). */
@Entity('login_id_change_reverts')
export class LoginIdChangeRevertEntity {
  @PrimaryColumn({ name: 'change_id', type: 'varchar', length: 36 })
  changeId!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'previous_login_id', type: 'varchar', length: 254 })
  previousLoginId!: string;

  @Column({ name: 'new_login_id', type: 'varchar', length: 254 })
  newLoginId!: string;

  @Column({ name: 'committed_at', type: 'datetime', precision: 3 })
  committedAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'reverted_at', type: 'datetime', precision: 3, nullable: true })
  revertedAt!: Date | null;
}
