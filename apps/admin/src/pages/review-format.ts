// How the review pages word and format what they show: labels for statuses, member types and
// fields (review-text.ts, in the page's language), dates in UTC, sizes. Plain functions, so the
// pages and their specs share one spelling.
import type { RequiredInfoValues } from '#app/applications';
import { APPLICATION_STATUSES, type ApplicationStatus } from '#workflows/required-info-application/application.contract';
import { html, type SafeHtml } from './layout.js';
import { DEFAULT_PAGE_LANGUAGE, type PageLanguage } from './page-language.js';
import { isReviewTextKey, reviewTextFor, type ReviewTextKey } from './review-text.js';

export { APPLICATION_STATUSES };

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** The catalogue's word for `prefix_value` (a status, a member type …), or the value itself when it has none. */
function labelOf(prefix: string, value: string, language: PageLanguage): string {
  const key = `${prefix}_${value}`;
  return isReviewTextKey(key) ? reviewTextFor(language)(key) : value;
}

export function statusLabel(status: string, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): string {
  return labelOf('status', status, language);
}

/** A status badge; the text says the status, the colour only repeats it. */
export function statusBadge(status: string, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): SafeHtml {
  return html`<span class="badge status-${status.toLowerCase().replace(/[^a-z_]/g, '')}">${statusLabel(status, language)}</span>`;
}

export function overdueBadge(language: PageLanguage = DEFAULT_PAGE_LANGUAGE): SafeHtml {
  return html`<span class="badge overdue-badge">${reviewTextFor(language)('overdue')}</span>`;
}

export type RequiredInfoField = keyof RequiredInfoValues;

export const REQUIRED_INFO_FIELDS: readonly RequiredInfoField[] = ['memberType', 'name', 'businessName', 'businessRegistrationNumber'];

export function fieldLabel(field: RequiredInfoField, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): string {
  return reviewTextFor(language)(`field_${field}` as ReviewTextKey);
}

/** A required-information value as a reviewer reads it (member type by name, 123-45-67890). */
export function formatValue(field: RequiredInfoField, value: string | null, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): string {
  if (value === null || value === '') return '—';
  if (field === 'memberType') return labelOf('memberType', value, language);
  if (field === 'businessRegistrationNumber' && /^\d{10}$/.test(value)) return `${value.slice(0, 3)}-${value.slice(3, 5)}-${value.slice(5)}`;
  return value;
}

/** "Name → Lee Minji" for each value the application asks to change (null: unchanged). */
export function requestedChanges(requested: RequiredInfoValues, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): string[] {
  return REQUIRED_INFO_FIELDS.filter((field) => requested[field] !== null).map(
    (field) => `${fieldLabel(field, language)} → ${formatValue(field, requested[field], language)}`,
  );
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

export function documentKindLabel(kind: string, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): string {
  return labelOf('document', kind, language);
}

export function actorLabel(actor: string, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): string {
  return labelOf('actor', actor, language);
}

/** The first block of a UUID, enough to tell applications apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
