import { describePasswordPolicy, type PasswordPolicyProfile } from '#app/members';
import { textFor } from './desk-text.js';
import { csrfField, html, renderPage } from './layout.js';
import type { PageLanguage } from './page-language.js';

export interface SetPasswordPageView {
  readonly csrfToken: string;
  readonly language: PageLanguage;
  readonly path: string;
  /** The state of the page: the form (with the link's token), the invalid-link notice, or done. */
  readonly state:
    | { readonly kind: 'form'; readonly token: string; readonly error?: string; readonly policy: PasswordPolicyProfile }
    | { readonly kind: 'invalid' }
    | { readonly kind: 'done' };
}

export function renderSetPasswordPage({ csrfToken, language, path, state }: SetPasswordPageView): string {
  const t = textFor(language);
  let content;
  if (state.kind === 'invalid') {
    content = html`<p class="error" role="alert">${t('linkInvalid')}</p>`;
  } else if (state.kind === 'done') {
    content = html`<p class="notice" role="status">${t('passwordSet')}</p><p><a class="button-link" href="/login">${t('goToSignIn')}</a></p>`;
  } else {
    content = html`<p class="muted">${t('setPasswordIntro')}</p>
  ${state.error && html`<p class="error" role="alert">${state.error}</p>`}
  <form method="post" action="/set-password">
    ${csrfField(csrfToken)}
    <input type="hidden" name="token" value="${state.token}">
    <div class="field">
      <label for="password">${t('newPassword')}</label>
      <input id="password" name="password" type="password" autocomplete="new-password" required maxlength="256">
    </div>
    <div class="field">
      <label for="confirmation">${t('confirmPassword')}</label>
      <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required maxlength="256">
    </div>
    <p class="muted small">${describePasswordPolicy(state.policy)}</p>
    <button type="submit" class="primary">${t('setPassword')}</button>
  </form>`;
  }
  const body = html`<section class="card sign-in">
  <h1>${t('setPasswordTitle')}</h1>
  ${content}
</section>`;
  return renderPage({ title: t('setPasswordTitle'), body, csrfToken, language, path });
}
