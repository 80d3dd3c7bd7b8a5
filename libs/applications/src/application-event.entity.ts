import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationStatus } from '#workflows/required-info-application/application.types';

/** One transition of an application, as its history shows it. */
@Entity('application_events')
export class ApplicationEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId!: string;

  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 })
  occurredAt!: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: 'MEMBER' | 'REVIEWER' | 'SYSTEM';

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ name: 'from_status', type: 'varchar', length: 32, nullable: true })
  fromStatus!: ApplicationStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 32 })
  toStatus!: ApplicationStatus;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note!: string | null;

  @Column({ name: 'transition_key', type: 'varchar', length: 120 })
  transitionKey!: string;
}
