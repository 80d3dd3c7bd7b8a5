import type { Translate } from '../i18n/translate.js';
import type { PageContext } from '../page-context.js';
import { html, type SafeHtml } from '../pages/html.js';

/** GET /me/account as the API answers it. */
export interface AccountView {
  id: string;
  memberType: string;
  loginId: string;
  name: string;
  businessName: string | null;
  businessRegistrationNumber: string | null;
  language: string;
  address: { country: string; postalCode: string; line1: string; line2: string | null } | null;
  mobilePhone: string;
  billingEmail: string;
  serviceArea: string;
  version: number;
}

export async function fetchAccount(ctx: PageContext): Promise<AccountView> {
  const { body } = await ctx.call<AccountView>({ method: 'GET', path: '/me/account' });
  return body;
}

export const TABS = [
  { path: '/my/account/password', key: 'tab.password' },
  { path: '/my/account/login-id', key: 'tab.loginId' },
  { path: '/my/account/info', key: 'tab.info' },
  { path: '/my/account/required-info', key: 'tab.requiredInfo' },
] as const;

/** The Manage account tab menu; the current tab marked. */
export function accountTabs(t: Translate, current: string | null): SafeHtml {
  return html`<nav class="tabs" aria-label="${t('account.title')}"><ul>${TABS.map((tab) =>
    tab.path === current
      ? html`<li><a href="${tab.path}" aria-current="page" class="current">${t(tab.key)}</a></li>`
      : html`<li><a href="${tab.path}">${t(tab.key)}</a></li>`,
  )}</ul></nav>`;
}

/** The read-only facts of the account (member type, login ID, name…), as a definition list. */
export function accountFacts(
  t: Translate,
  account: AccountView,
  rows: ReadonlyArray<'memberType' | 'loginId' | 'name' | 'businessName' | 'businessRegistrationNumber' | 'mobilePhone'>,
): SafeHtml {
  const value = (row: (typeof rows)[number]): string =>
    row === 'memberType' ? t(`memberType.${account.memberType}` as never) : (account[row] ?? t('common.none'));
  return html`<dl class="facts">${rows.map((row) => html`<dt>${t(`field.${row}` as never)}</dt><dd data-field="${row}">${value(row)}</dd>`)}</dl>`;
}
