import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A set-password link sent to a reviewer: single use, time-limited, only its hash stored. */
@Entity('reviewer_password_links')
export class ReviewerPasswordLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36 })
  reviewerId!: string;

  /** SHA-256 (hex) of the link's token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  /** Used, or replaced by a newer link: either way it no longer works. */
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt!: Date | null;
}
