import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A previous password's hash, kept only for the recently-used rule. */
@Entity('password_history')
export class PasswordHistoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ name: 'replaced_at', type: 'datetime', precision: 3 })
  replacedAt!: Date;
}
