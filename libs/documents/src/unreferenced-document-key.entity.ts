import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A storage key whose content may be stored without a committed DocumentEntity naming it: written
 * (committed) before the content is, and when a document row is deleted; removed in the transaction
 * that commits the row, or once the content is deleted. What stays past the grace period is swept.
 */
@Entity('unreferenced_document_keys')
export class UnreferencedDocumentKeyEntity {
  @PrimaryColumn({ name: 'storage_key', type: 'varchar', length: 100 })
  storageKey!: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt!: Date;
}
