import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The member's one live password-reset link; a newer request replaces it, using it deletes it. */
@Entity('password_reset_tokens')
export class PasswordResetTokenEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  /** SHA-256 of the token in the link; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
