import type { DocumentEntity } from '#app/documents';
import type { MemberEntity } from '#app/members';
import { maskBusinessRegistrationNumber } from '#app/members';
import type { ApplicationEventEntity } from './application-event.entity.js';
import type { RequiredInfoApplicationEntity } from './application.entity.js';

export interface RequiredInfoValues {
  readonly memberType: string | null;
  readonly name: string | null;
  readonly businessName: string | null;
  readonly businessRegistrationNumber: string | null;
}

export interface ApplicationSummary {
  readonly id: string;
  readonly status: string;
  readonly submittedAt: string;
  readonly statusSince: string;
  readonly requested: RequiredInfoValues;
}

export interface ApplicationHistoryEntry {
  readonly at: string;
  readonly actor: 'MEMBER' | 'REVIEWER' | 'SYSTEM';
  readonly from: string | null;
  readonly to: string;
  readonly note: string | null;
}

export interface DocumentView {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly uploadedAt: string;
}

export function requestedValues(application: RequiredInfoApplicationEntity): RequiredInfoValues {
  return {
    memberType: application.requestedMemberType,
    name: application.requestedName,
    businessName: application.requestedBusinessName,
    businessRegistrationNumber: application.requestedBusinessRegistrationNumber,
  };
}

export function currentValues(member: MemberEntity, maskBrn: boolean): RequiredInfoValues {
  return {
    memberType: member.memberType,
    name: member.name,
    businessName: member.businessName,
    businessRegistrationNumber: maskBrn ? maskBusinessRegistrationNumber(member.businessRegistrationNumber) : member.businessRegistrationNumber,
  };
}

export function toSummary(application: RequiredInfoApplicationEntity): ApplicationSummary {
  return {
    id: application.id,
    status: application.status,
    submittedAt: application.submittedAt.toISOString(),
    statusSince: application.statusSince.toISOString(),
    requested: requestedValues(application),
  };
}

export function toHistory(events: readonly ApplicationEventEntity[]): ApplicationHistoryEntry[] {
  return events.map((event) => ({ at: event.occurredAt.toISOString(), actor: event.actorType, from: event.fromStatus, to: event.toStatus, note: event.note }));
}

export function toDocumentView(document: DocumentEntity): DocumentView {
  return {
    id: document.id,
    kind: document.kind,
    name: document.originalName,
    mediaType: document.mediaType,
    size: document.sizeBytes,
    uploadedAt: document.createdAt.toISOString(),
  };
}
