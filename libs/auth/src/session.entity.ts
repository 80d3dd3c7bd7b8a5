import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('member_sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

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

  /** Re-authenticated sessions may manage the account until then. */
  @Column({ name: 'privileged_until', type: 'datetime', precision: 3, nullable: true })
  privilegedUntil!: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'client_ip', type: 'varchar', length: 45, nullable: true })
  clientIp!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;
}
