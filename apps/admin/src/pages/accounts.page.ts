import { REVIEWER_ROLES, type ReviewerAccountView } from '#app/reviewers';
import { textFor } from './desk-text.js';
import { when } from './desk-format.js';
import { csrfField, html, renderPage, type PageReviewer, type SafeHtml } from './layout.js';
import type { PageLanguage } from './page-language.js';

interface PageBase {
  readonly reviewer: PageReviewer & { readonly id: string };
  readonly csrfToken: string;
  readonly language: PageLanguage;
  readonly notice?: string;
  readonly error?: string;
}

export interface AccountsPageView extends PageBase {
  readonly accounts: ReviewerAccountView[];
  /** What the admin typed, shown again after a refusal. */
  readonly typed?: { readonly email?: string; readonly displayName?: string; readonly role?: string };
}

function roleOptions(selected: string | undefined): SafeHtml[] {
  return REVIEWER_ROLES.map((role) => html`<option value="${role}"${selected === role ? html` selected` : null}>${role}</option>`);
}

function outcome(notice?: string, error?: string): SafeHtml {
  return html`${notice && html`<p class="notice" role="status">${notice}</p>`}${error && html`<p class="error" role="alert">${error}</p>`}`;
}

export function renderAccountsPage({ reviewer, csrfToken, language, notice, error, accounts, typed }: AccountsPageView): string {
  const t = textFor(language);
  const rows = accounts.map(
    (account) => html`<tr>
  <td>${account.displayName} ${account.id === reviewer.id && html`<span class="muted">${t('you')}</span>`}</td>
  <td>${account.email}</td>
  <td>${account.role}</td>
  <td>${account.disabled ? html`<span class="badge status-rejected">${t('disabled')}</span>` : html`<span class="badge status-approved">${t('enabled')}</span>`}</td>
  <td class="nowrap">${when(account.createdAt)}</td>
  <td><a class="button-link" href="/accounts/${account.id}" aria-label="${t('edit')}: ${account.email}">${t('edit')}</a></td>
</tr>`,
  );
  const body = html`<div class="page-heading">
  <h1>${t('accountsTitle')}</h1>
  <p class="muted">${t('accountsIntro')}</p>
</div>
${outcome(notice, error)}
<div class="table-scroll">
<table class="accounts">
  <thead><tr><th scope="col">${t('displayName')}</th><th scope="col">${t('email')}</th><th scope="col">${t('role')}</th><th scope="col">${t('state')}</th><th scope="col">${t('created')}</th><th scope="col"><span class="visually-hidden">${t('edit')}</span></th></tr></thead>
  <tbody>${rows}</tbody>
</table>
</div>
<section class="card">
  <h2>${t('newAccount')}</h2>
  <form method="post" action="/accounts">
    ${csrfField(csrfToken)}
    <div class="field"><label for="new-email">${t('email')}</label><input id="new-email" name="email" type="email" required maxlength="254" value="${typed?.email ?? ''}"></div>
    <div class="field"><label for="new-name">${t('displayName')}</label><input id="new-name" name="displayName" required maxlength="100" value="${typed?.displayName ?? ''}"></div>
    <div class="field"><label for="new-role">${t('role')}</label><select id="new-role" name="role">${roleOptions(typed?.role ?? 'REVIEWER')}</select></div>
    <button type="submit" class="primary">${t('createAccount')}</button>
  </form>
</section>`;
  return renderPage({ title: t('accountsTitle'), body, csrfToken, reviewer, language, path: '/accounts' });
}

export interface AccountPageView extends PageBase {
  readonly account: ReviewerAccountView;
}

export function renderAccountPage({ reviewer, csrfToken, language, notice, error, account }: AccountPageView): string {
  const t = textFor(language);
  const body = html`<p class="breadcrumb"><a href="/accounts">← ${t('back')}</a></p>
<div class="page-heading"><h1>${t('editAccount')}: ${account.displayName}</h1><p class="muted">${account.email}</p></div>
${outcome(notice, error)}
<section class="card">
  <form method="post" action="/accounts/${account.id}">
    ${csrfField(csrfToken)}
    <div class="field"><label for="role">${t('role')}</label><select id="role" name="role">${roleOptions(account.role)}</select></div>
    <label class="checkbox"><input type="checkbox" name="disabled" value="true"${account.disabled ? html` checked` : null}> ${t('disableAccount')}</label>
    <input type="hidden" name="disabledField" value="present">
    <p><button type="submit" class="primary">${t('saveChanges')}</button></p>
  </form>
</section>
<section class="card">
  <form method="post" action="/accounts/${account.id}/password-reset">
    ${csrfField(csrfToken)}
    <button type="submit" class="secondary">${t('sendReset')}</button>
  </form>
</section>`;
  return renderPage({ title: t('editAccount'), body, csrfToken, reviewer, language, path: `/accounts/${account.id}` });
}
