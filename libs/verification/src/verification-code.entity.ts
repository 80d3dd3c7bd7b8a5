import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('verification_codes')
export class VerificationCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId!: string;

  @Column({ type: 'varchar', length: 254 })
  target!: string;

  /** SHA-256 of salt + code: the code itself is never stored. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ name: 'code_salt', type: 'varchar', length: 32 })
  codeSalt!: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'failed_attempts', type: 'int', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'max_attempts', type: 'int' })
  maxAttempts!: number;

  @Column({ name: 'sent_count', type: 'int', default: 1 })
  sentCount!: number;

  @Column({ name: 'last_sent_at', type: 'datetime', precision: 3 })
  lastSentAt!: Date;

  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true })
  consumedAt!: Date | null;

  /** The keyed send that made the current code (null for unkeyed issues). */
  @Column({ name: 'issue_key', type: 'varchar', length: 200, nullable: true })
  issueKey!: string | null;

  /** Keyed sends derive the code from this seed and the key, so a retried send re-sends the same code. */
  @Column({ name: 'code_seed', type: 'varchar', length: 64, nullable: true })
  codeSeed!: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
