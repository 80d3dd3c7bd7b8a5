import { LANG_NAMES, LANGS, type Lang } from '../i18n/lang.js';
import type { Translate } from '../i18n/translate.js';
import type { Flash } from '../session/portal-session.js';
import { html, type SafeHtml } from './html.js';

export const CSRF_FIELD = '_csrf';

export function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">`;
}

export interface LayoutOptions {
  readonly lang: Lang;
  readonly t: Translate;
  readonly title: string;
  readonly body: SafeHtml;
  readonly csrf: string;
  /** The signed-in member's login ID; omitted on public pages. */
  readonly loginId?: string;
  readonly flash?: Flash;
  /** The current path and query, for the language switch to come back to. */
  readonly here: string;
}

function languageSwitch(lang: Lang, t: Translate, here: string): SafeHtml {
  const links = LANGS.map((code) =>
    code === lang
      ? html`<li><strong aria-current="true" lang="${code}">${LANG_NAMES[code]}</strong></li>`
      : html`<li><a lang="${code}" hreflang="${code}" href="/language?lang=${code}&amp;next=${encodeURIComponent(here)}">${LANG_NAMES[code]}</a></li>`,
  );
  return html`<nav class="languages" aria-label="${t('nav.language')}"><ul>${links}</ul></nav>`;
}

/** The portal's one page frame: header menus (My Page, Support·FAQ; Log in at the upper right), the language switch, the flash. */
export function renderLayout(options: LayoutOptions): string {
  const { lang, t, title, body, csrf, loginId, flash, here } = options;
  const menus = loginId
    ? html`<nav class="menus" aria-label="Menu"><ul>
        <li><a href="/my">${t('nav.my')}</a><ul class="submenu"><li><a href="/my/account">${t('nav.manageAccount')}</a></li><li><a href="/my/sessions">${t('nav.sessions')}</a></li></ul></li>
        <li><a href="/support">${t('nav.support')}</a><ul class="submenu"><li><a href="/support/data">${t('nav.data')}</a></li><li><a href="/support">${t('nav.contact')}</a></li></ul></li>
      </ul></nav>`
    : html`<nav class="menus" aria-label="Menu"><ul><li><a href="/support/data">${t('nav.support')}</a></li></ul></nav>`;
  const account = loginId
    ? html`<div class="account"><span class="signed-in-as">${loginId}</span>
        <form method="post" action="/logout" class="inline">${csrfField(csrf)}<button type="submit" class="link">${t('nav.logout')}</button></form></div>`
    : html`<div class="account"><a class="button-link" href="/login">${t('nav.login')}</a> <a href="/signup">${t('nav.signup')}</a></div>`;
  const flashHtml = flash ? html`<p class="flash ${flash.kind}" role="${flash.kind}">${t(flash.key, flash.params)}</p>` : null;
  return html`<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · ${t('brand')}</title>
  <link rel="stylesheet" href="/assets/portal.css">
  <script src="/assets/portal.js" defer></script>
</head>
<body>
  <header class="top">
    <a class="brand" href="/">${t('brand')}</a>
    ${menus}
    ${account}
  </header>
  ${languageSwitch(lang, t, here)}
  <main>
    ${flashHtml}
${body}
  </main>
</body>
</html>
`.toString();
}
