import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InquiryReplyAuthor } from './inquiry-status.js';

/** One message of an inquiry's conversation after the first (the inquiry's own body). */
@Entity('inquiry_replies')
export class InquiryReplyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'inquiry_id', type: 'varchar', length: 36 })
  inquiryId!: string;

  @Column({ name: 'author_type', type: 'varchar', length: 16 })
  authorType!: InquiryReplyAuthor;

  /** The member's or the reviewer's ID. */
  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
