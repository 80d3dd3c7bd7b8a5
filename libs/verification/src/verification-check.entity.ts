import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RecordedCheckOutcome = 'OK' | 'VERIFICATION_CODE_INVALID' | 'VERIFICATION_CODE_EXPIRED' | 'TOO_MANY_ATTEMPTS';

/** The outcome of one keyed code check: a retried check with the same key answers this, once counted. */
@Entity('verification_checks')
export class VerificationCheckEntity {
  @PrimaryColumn({ name: 'check_key', type: 'varchar', length: 200 })
  checkKey!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId!: string;

  @Column({ type: 'varchar', length: 32 })
  outcome!: RecordedCheckOutcome;

  @Column({ name: 'attempts_remaining', type: 'int', nullable: true })
  attemptsRemaining!: number | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  target!: string | null;

  @Column({ name: 'checked_at', type: 'datetime', precision: 3 })
  checkedAt!: Date;
}
