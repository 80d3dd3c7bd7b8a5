import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in reviewer: revocable, with idle and absolute expiry. Never valid on the member API. */
@Entity('reviewer_sessions')
export class ReviewerSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36 })
  reviewerId!: string;

  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3 })
  lastUsedAt!: Date;

  @Column({ name: 'idle_expires_at', type: 'datetime', precision: 3 })
  idleExpiresAt!: Date;

  @Column({ name: 'absolute_expires_at', type: 'datetime', precision: 3 })
  absoluteExpiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'client_ip', type: 'varchar', length: 45, nullable: true })
  clientIp!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;
}
