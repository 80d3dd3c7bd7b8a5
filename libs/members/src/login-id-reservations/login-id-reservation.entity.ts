import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A login ID given up by a login-ID change, kept for its member until the revert window ends. */
@Entity('login_id_reservations')
export class LoginIdReservationEntity {
  /** Normalised, like members.login_id. */
  @PrimaryColumn({ name: 'login_id', type: 'varchar', length: 254 })
  loginId!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'reserved_until', type: 'datetime', precision: 3 })
  reservedUntil!: Date;
}
