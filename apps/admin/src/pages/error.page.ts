import { accessTextFor } from './access-text.js';
import { html, renderPage } from './layout.js';
import { DEFAULT_PAGE_LANGUAGE, type PageLanguage } from './page-language.js';

export interface ErrorPageView {
  readonly status: number;
  readonly message: string;
  readonly csrfToken: string;
  /** Set for unexpected errors, so the reviewer can quote it to an operator. */
  readonly errorId?: string;
  /** The page language (page-language.ts); English when omitted. */
  readonly language?: PageLanguage;
}

export function renderErrorPage({ status, message, csrfToken, errorId, language = DEFAULT_PAGE_LANGUAGE }: ErrorPageView): string {
  const t = accessTextFor(language);
  const body = html`<section class="card">
  <h1>${status === 403 ? t('notAllowed') : status === 404 ? t('notFound') : t('somethingWrong')}</h1>
  <p>${message}</p>
  ${errorId && html`<p class="muted">${t('errorId', { id: errorId })}</p>`}
  <p><a href="/">${t('backToApp')}</a></p>
</section>`;
  return renderPage({ title: t('errorTitle', { status }), body, csrfToken, language });
}
