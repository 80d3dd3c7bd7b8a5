import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InquiryCategory } from './inquiry-category.js';
import type { InquiryStatus } from './inquiry-status.js';

/** A member's "Contact us" inquiry; its attachments are documents with this inquiry_id. */
@Entity('inquiries')
export class InquiryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ type: 'varchar', length: 32 })
  category!: InquiryCategory;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** OPEN (waiting for support) → ANSWERED (waiting for the member) → CLOSED; a member's reply reopens it. */
  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status!: InquiryStatus;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** The last reply or status change; null until the first. */
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt!: Date | null;
}
