import { accessTextFor } from './access-text.js';
import { csrfField, html, renderPage } from './layout.js';
import { DEFAULT_PAGE_LANGUAGE, type PageLanguage } from './page-language.js';

export interface SignInPageView {
  readonly csrfToken: string;
  /** What the reviewer typed, shown again after a refusal (never the password). */
  readonly email?: string;
  /** Why the last attempt was refused. */
  readonly error?: string;
  /** The page language (page-language.ts); English when omitted. */
  readonly language?: PageLanguage;
}

export function renderSignInPage({ csrfToken, email, error, language = DEFAULT_PAGE_LANGUAGE }: SignInPageView): string {
  const t = accessTextFor(language);
  const body = html`<section class="card sign-in">
  <h1>${t('signInHeading')}</h1>
  ${error && html`<p class="error" role="alert">${error}</p>`}
  <form method="post" action="/login">
    ${csrfField(csrfToken)}
    <div class="field">
      <label for="email">${t('email')}</label>
      <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${email ?? ''}">
    </div>
    <div class="field">
      <label for="password">${t('password')}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
    </div>
    <button type="submit" class="primary">${t('signIn')}</button>
  </form>
  <p class="muted">${t('signInNote')}</p>
</section>`;
  return renderPage({ title: t('signInTitle'), body, csrfToken, language, path: '/login' });
}
