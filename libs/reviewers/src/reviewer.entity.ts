import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReviewerRole } from './reviewer-role.js';

/** A reviewer account of the admin app: separate from members, created by an operator. */
@Entity('reviewers')
export class ReviewerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Normalised (trimmed, lower-case); unique. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: ReviewerRole;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  /** A disabled reviewer can neither sign in nor use an existing session. */
  @Column({ name: 'disabled_at', type: 'datetime', precision: 3, nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'failed_password_attempts', type: 'int', default: 0 })
  failedPasswordAttempts!: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
