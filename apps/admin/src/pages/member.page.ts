import type { MemberLookupView } from '../members/member-lookup.service.js';
import { textFor } from './desk-text.js';
import { when } from './desk-format.js';
import { html, renderPage, type PageReviewer } from './layout.js';
import type { PageLanguage } from './page-language.js';

export interface MemberPageView {
  readonly reviewer: PageReviewer;
  readonly csrfToken: string;
  readonly language: PageLanguage;
  /** null: the search form alone. */
  readonly member: MemberLookupView | null;
  readonly query?: string;
}

export function renderMemberPage({ reviewer, csrfToken, language, member, query }: MemberPageView): string {
  const t = textFor(language);
  const form = html`<form method="get" action="/lookup" class="filters" role="search">
  <div class="field"><label for="member-id">${t('memberId')}</label><input id="member-id" name="id" maxlength="36" required value="${query ?? member?.id ?? ''}"></div>
  <button type="submit" class="secondary">${t('lookUp')}</button>
</form>`;
  let details = null;
  if (member) {
    const flows =
      member.openFlows === null
        ? html`<p class="error">${t('flowsUnavailable')}</p>`
        : member.openFlows.length === 0
          ? html`<p class="muted">${t('noFlows')}</p>`
          : html`<table class="flows"><thead><tr><th scope="col">Workflow</th><th scope="col">${t('started')}</th><th scope="col"><span class="visually-hidden">${t('inTemporal')}</span></th></tr></thead><tbody>${member.openFlows.map(
              (flow) =>
                html`<tr><td><span class="mono">${flow.workflowId}</span><br><span class="muted small">${flow.type}</span></td><td>${when(flow.startedAt)}</td><td><a href="${flow.temporalUiUrl}" rel="noopener noreferrer" target="_blank">${t('inTemporal')}</a></td></tr>`,
            )}</tbody></table>`;
    details = html`<section class="card">
<h2>${member.name} <span class="muted mono small">${member.id}</span></h2>
<dl class="facts">
  <dt>${t('loginId')}</dt><dd>${member.loginId}</dd>
  <dt>${t('memberType')}</dt><dd>${member.memberType}</dd>
  <dt>${t('businessName')}</dt><dd>${member.businessName ?? '—'}</dd>
  <dt>${t('brn')}</dt><dd class="mono">${member.businessRegistrationNumber ?? '—'}</dd>
  <dt>${t('phone')}</dt><dd class="mono">${member.mobilePhone}</dd>
  <dt>${t('memberLanguage')}</dt><dd>${member.language}</dd>
  <dt>${t('serviceArea')}</dt><dd>${member.serviceArea}</dd>
  <dt>${t('since')}</dt><dd>${when(member.createdAt)}</dd>
  <dt>${t('locked')}</dt><dd>${member.locked ? t('yes') : t('no')}</dd>
  <dt>${t('sessions')}</dt><dd>${member.activeSessions}</dd>
</dl>
<h3>${t('openFlows')}</h3>
${flows}
</section>`;
  }
  const body = html`<div class="page-heading"><h1>${t('lookupTitle')}</h1><p class="muted">${t('lookupIntro')}</p></div>
${form}
${details}`;
  return renderPage({ title: t('lookupTitle'), body, csrfToken, reviewer, language, path: member ? `/lookup/${member.id}` : '/lookup' });
}
