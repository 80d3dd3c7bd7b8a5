// The admin pages' one layout and the escaping helpers every page uses. Pages are plain
// server-rendered HTML: no inline script or style (the CSP below forbids both), one stylesheet.
import type { Response } from 'express';
import { CSRF_FIELD } from '../auth/csrf.js';
import { accessTextFor, isAccessTextKey } from './access-text.js';
import { textFor } from './desk-text.js';
import { DEFAULT_PAGE_LANGUAGE, type PageLanguage } from './page-language.js';

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
  /** The reviewer's page language (page-language.ts); English when omitted. */
  readonly language?: PageLanguage;
  /** Where the language switch returns to (this page's path); before sign-in, also whether to show it. */
  readonly path?: string;
}

function roleLabel(role: string, language: PageLanguage): string {
  const key = `role_${role}`;
  return isAccessTextKey(key) ? accessTextFor(language)(key) : role;
}

function languageSwitch(csrfToken: string, language: PageLanguage, path: string): SafeHtml {
  const t = textFor(language);
  return html`<form method="post" action="/language" class="inline language-switch">
    ${csrfField(csrfToken)}<input type="hidden" name="next" value="${path}">
    <label for="page-language" class="visually-hidden">${t('language')}</label>
    <select id="page-language" name="lang"><option value="ko"${language === 'ko' ? html` selected` : null}>한국어</option><option value="en"${language === 'en' ? html` selected` : null}>English</option></select>
    <button type="submit" class="link">${t('switchLanguage')}</button>
  </form>`;
}

export function renderPage({ title, body, csrfToken, reviewer, language = DEFAULT_PAGE_LANGUAGE, path }: PageOptions): string {
  const t = textFor(language);
  const account = reviewer
    ? html`<div class="account">
        <span class="signed-in-as">${t('signedInAs')} <strong>${reviewer.displayName}</strong> (${roleLabel(reviewer.role, language)})</span>
        <form method="post" action="/logout" class="inline">${csrfField(csrfToken)}<button type="submit" class="link">${t('signOut')}</button></form>
        ${languageSwitch(csrfToken, language, path ?? '/')}
      </div>`
    : // Before sign-in, only pages written in both languages (they pass `path`) offer the switch.
      path !== undefined && languageSwitch(csrfToken, language, path);
  const adminLinks = reviewer?.role === 'ADMIN' ? html`<a href="/accounts">${t('navAccounts')}</a><a href="/audit">${t('navAudit')}</a>` : null;
  const nav = reviewer
    ? html`<nav><a href="/queue">${t('navQueue')}</a><a href="/inbox">${t('navInbox')}</a><a href="/lookup">${t('navLookup')}</a>${adminLinks}</nav>`
    : null;
  return html`<!doctype html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="csrf-token" content="${csrfToken}">
  <title>${title} · ${accessTextFor(language)('titleSuffix')}</title>
  <link rel="stylesheet" href="/assets/admin.css">
</head>
<body>
  <header class="top">
    <a class="brand" href="/">${accessTextFor(language)('brand')}</a>
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
  res.status(status).setHeader('Content-Security-Policy', csp).setHeader('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(page);
}
