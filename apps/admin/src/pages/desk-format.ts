import { html, type SafeHtml } from './layout.js';

/** A timestamp as the desk pages show it: `2026-03-05 14:07 UTC`, in a <time> element. */
export function when(iso: string | null | undefined): SafeHtml | string {
  if (!iso) return '—';
  return html`<time datetime="${iso}">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;
}

/** The first 8 characters of a UUID, for compact tables (the full ID is in the link). */
export function short(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '—';
}

/** A paragraph per line break, escaped (html`` escapes each line). */
export function paragraphs(text: string): SafeHtml[] {
  return text.split(/\r?\n/).map((line) => html`${line}<br>`);
}

/** JSON shown in a <pre>, escaped. */
export function jsonBlock(value: unknown): SafeHtml | string {
  if (value === null || value === undefined) return '—';
  return html`<pre class="json small">${JSON.stringify(value, null, 1)}</pre>`;
}
