import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MemberType } from '#app/members';
import type { ApplicationStatus } from '#workflows/required-info-application/application.types';

/** The read model of a required-information application; its transitions are written by the workflow. */
@Entity('required_info_applications')
export class RequiredInfoApplicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  /** member_id while open, NULL once decided: one open application per member, by unique index. */
  @Column({ name: 'open_member_id', type: 'varchar', length: 36, nullable: true })
  openMemberId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  status!: ApplicationStatus;

  @Column({ name: 'requested_member_type', type: 'varchar', length: 32, nullable: true })
  requestedMemberType!: MemberType | null;

  @Column({ name: 'requested_name', type: 'varchar', length: 100, nullable: true })
  requestedName!: string | null;

  @Column({ name: 'requested_business_name', type: 'varchar', length: 200, nullable: true })
  requestedBusinessName!: string | null;

  @Column({ name: 'requested_business_registration_number', type: 'varchar', length: 10, nullable: true })
  requestedBusinessRegistrationNumber!: string | null;

  @Column({ type: 'varchar', length: 2000 })
  reason!: string;

  @Column({ name: 'claimed_by', type: 'varchar', length: 36, nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'info_request_message', type: 'varchar', length: 2000, nullable: true })
  infoRequestMessage!: string | null;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 2000, nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /** Four eyes (REVIEW_FOUR_EYES_FIELDS): the approval needs two different reviewers. */
  @Column({ name: 'four_eyes', type: 'boolean', default: false })
  fourEyes!: boolean;

  @Column({ name: 'first_approved_by', type: 'varchar', length: 36, nullable: true })
  firstApprovedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt!: Date;

  @Column({ name: 'status_since', type: 'datetime', precision: 3 })
  statusSince!: Date;
}
