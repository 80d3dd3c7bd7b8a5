import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InquiryCategory } from './inquiry-category.js';

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

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
