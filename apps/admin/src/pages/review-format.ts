// How the review pages word and format what they show: labels for statuses, member types and
// fields, dates in UTC, sizes. Plain functions, so the pages and their specs share one spelling.
import type { RequiredInfoValues } from '#app/applications';
import { APPLICATION_STATUSES, type ApplicationStatus } from '#workflows/required-info-application/application.contract';
import { html, type SafeHtml } from './layout.js';

export { APPLICATION_STATUSES };

const STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  AWAITING_SECOND_APPROVAL: 'Awaiting second approval',
  INFO_REQUESTED: 'Information requested',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
};

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function statusLabel(status: string): string {
  return isApplicationStatus(status) ? STATUS_LABELS[status] : status;
}

/** A status badge; the text says the status, the colour only repeats it. */
export function statusBadge(status: string): SafeHtml {
  return html`<span class="badge status-${status.toLowerCase().replace(/[^a-z_]/g, '')}">${statusLabel(status)}</span>`;
}

export const OVERDUE_BADGE = html`<span class="badge overdue-badge">Overdue</span>`;

const MEMBER_TYPE_LABELS: Readonly<Record<string, string>> = {
  PERSONAL: 'Personal',
  PERSONAL_BUSINESS: 'Personal business',
  CORPORATE_BUSINESS: 'Corporate business',
};

export type RequiredInfoField = keyof RequiredInfoValues;

export const REQUIRED_INFO_FIELDS: readonly { readonly field: RequiredInfoField; readonly label: string }[] = [
  { field: 'memberType', label: 'Member type' },
  { field: 'name', label: 'Name' },
  { field: 'businessName', label: 'Business name' },
  { field: 'businessRegistrationNumber', label: 'Business registration number' },
];

/** A required-information value as a reviewer reads it (member type by name, 123-45-67890). */
export function formatValue(field: RequiredInfoField, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'memberType') return MEMBER_TYPE_LABELS[value] ?? value;
  if (field === 'businessRegistrationNumber' && /^\d{10}$/.test(value)) return `${value.slice(0, 3)}-${value.slice(3, 5)}-${value.slice(5)}`;
  return value;
}

/** "Name → Lee Minji" for each value the application asks to change (null: unchanged). */
export function requestedChanges(requested: RequiredInfoValues): string[] {
  return REQUIRED_INFO_FIELDS.filter(({ field }) => requested[field] !== null).map(({ field, label }) => `${label} → ${formatValue(field, requested[field])}`);
}

/** 2025-03-01 09:30 UTC, in a <time> element carrying the exact instant. */
export function dateTime(iso: string | null): SafeHtml | string {
  if (!iso) return '—';
  return html`<time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC</time>`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

const DOCUMENT_KIND_LABELS: Readonly<Record<string, string>> = { APPLICATION_FORM: 'Application form', PROOF: 'Proof document' };

export function documentKindLabel(kind: string): string {
  return DOCUMENT_KIND_LABELS[kind] ?? kind;
}

const ACTOR_LABELS: Readonly<Record<string, string>> = { MEMBER: 'Member', REVIEWER: 'Reviewer', SYSTEM: 'System' };

export function actorLabel(actor: string): string {
  return ACTOR_LABELS[actor] ?? actor;
}

/** The first block of a UUID, enough to tell applications apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
