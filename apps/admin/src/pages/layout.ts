// The admin pages' one layout and the escaping helpers every page uses. Pages are plain
// server-rendered HTML: no inline script or style (the CSP below forbids both), one stylesheet.
import type { Response } from 'express';
import { CSRF_FIELD } from '../auth/csrf.js';

/** HTML that is already safe to insert: only `html` and the helpers here make it, never user input. */
export class SafeHtml {
  constructor(private readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for HTML content and (quoted) attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (character) => ESCAPES[character]);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/**
 * Tagged template for page fragments: every interpolated value is HTML-escaped, except SafeHtml
 * (fragments made by `html` itself, also in arrays, e.g. table rows). `null`, `undefined` and
 * `false` render nothing, so `${cond && html`…`}` works.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i]) : ''), ''));
}

/** The hidden field every page form posts (see auth/csrf.ts). */
export function csrfField(csrfToken: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">`;
}

/** Who is signed in, as the page header shows it. */
export interface PageReviewer {
  readonly displayName: string;
  readonly role: string;
}

export interface PageOptions {
  readonly title: string;
  readonly body: SafeHtml;
  /** For the sign-out form and `<meta name="csrf-token">` (scripts send it as X-CSRF-Token). */
  readonly csrfToken: string;
  /** Omit on pages shown before sign-in. */
  readonly reviewer?: PageReviewer | null;
}

export function renderPage({ title, body, csrfToken, reviewer }: PageOptions): string {
  const account = reviewer
    ? html`<div class="account">
        <span class="signed-in-as">Signed in as <strong>${reviewer.displayName}</strong> (${reviewer.role})</span>
        <form method="post" action="/logout" class="inline">${csrfField(csrfToken)}<button type="submit" class="link">Sign out</button></form>
      </div>`
    : null;
  const nav = reviewer ? html`<nav><a href="/queue">Review queue</a></nav>` : null;
  return html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="csrf-token" content="${csrfToken}">
  <title>${title} · Reviewer admin</title>
  <link rel="stylesheet" href="/assets/admin.css">
</head>
<body>
  <header class="top">
    <a class="brand" href="/">Member account changes · Reviewer admin</a>
    ${nav}
    ${account}
  </header>
  <main>
${body}
  </main>
</body>
</html>
`.toString();
}

/**
 * The pages' Content-Security-Policy, stricter than helmet's default: nothing but this origin's
 * stylesheet and images, forms post only here, never framed.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Answers an HTML page: never cached (it shows personal data), under PAGE_CSP unless a page needs more. */
export function sendPage(res: Response, status: number, page: string, csp: string = PAGE_CSP): void {
  res
    .status(status)
    .setHeader('Content-Security-Policy', csp)
    .setHeader('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page);
}
