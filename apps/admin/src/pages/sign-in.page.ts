import { csrfField, html, renderPage } from './layout.js';

export interface SignInPageView {
  readonly csrfToken: string;
  /** What the reviewer typed, shown again after a refusal (never the password). */
  readonly email?: string;
  /** Why the last attempt was refused. */
  readonly error?: string;
}

export function renderSignInPage({ csrfToken, email, error }: SignInPageView): string {
  const body = html`<section class="card sign-in">
  <h1>Reviewer sign-in</h1>
  ${error && html`<p class="error" role="alert">${error}</p>`}
  <form method="post" action="/login">
    ${csrfField(csrfToken)}
    <div class="field">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${email ?? ''}">
    </div>
    <div class="field">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256">
    </div>
    <button type="submit" class="primary">Sign in</button>
  </form>
  <p class="muted">Reviewer accounts are created by an operator. Members sign in to the member API, not here.</p>
</section>`;
  return renderPage({ title: 'Sign in', body, csrfToken });
}
