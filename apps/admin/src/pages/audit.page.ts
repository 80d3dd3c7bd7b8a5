import type { AuditEventPage } from '#app/audit';
import { textFor } from './desk-text.js';
import { jsonBlock, short, when } from './desk-format.js';
import { html, renderPage, type PageReviewer } from './layout.js';
import type { PageLanguage } from './page-language.js';

export interface AuditFilterView {
  readonly memberId?: string;
  readonly applicationId?: string;
  readonly type?: string;
}

export interface AuditPageView {
  readonly reviewer: PageReviewer;
  readonly csrfToken: string;
  readonly language: PageLanguage;
  readonly filter: AuditFilterView;
  readonly page: AuditEventPage;
  readonly error?: string;
}

export function auditHref(filter: AuditFilterView, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === 'string' && value !== '') query.set(key, value);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `/audit?${search}` : '/audit';
}

export function renderAuditPage({ reviewer, csrfToken, language, filter, page, error }: AuditPageView): string {
  const t = textFor(language);
  const rows = page.items.length
    ? page.items.map(
        (event) => html`<tr>
  <td class="nowrap">${when(event.occurredAt)}</td>
  <td class="mono">${event.type}</td>
  <td>${event.actorType} <span class="mono muted">${short(event.actorId)}</span></td>
  <td>${event.memberId ? html`<a class="mono" href="/lookup/${event.memberId}">${short(event.memberId)}</a>` : '—'}</td>
  <td>${jsonBlock(event.before)}</td>
  <td>${jsonBlock(event.after)}</td>
</tr>`,
      )
    : html`<tr><td colspan="6" class="empty">${t('noEvents')}</td></tr>`;
  const body = html`<div class="page-heading"><h1>${t('auditTitle')}</h1><p class="muted">${t('auditIntro')}</p></div>
${error && html`<p class="error" role="alert">${error}</p>`}
<form method="get" action="/audit" class="filters" role="search">
  <div class="field"><label for="memberId">${t('memberId')}</label><input id="memberId" name="memberId" maxlength="36" value="${filter.memberId ?? ''}"></div>
  <div class="field"><label for="applicationId">${t('applicationId')}</label><input id="applicationId" name="applicationId" maxlength="36" value="${filter.applicationId ?? ''}"></div>
  <div class="field"><label for="type">${t('eventType')}</label><input id="type" name="type" maxlength="64" value="${filter.type ?? ''}"></div>
  <button type="submit" class="secondary">${t('search')}</button>
</form>
<div class="table-scroll">
<table class="audit">
  <thead><tr><th scope="col">${t('when')}</th><th scope="col">${t('eventType')}</th><th scope="col">${t('actor')}</th><th scope="col">${t('member')}</th><th scope="col">${t('before')}</th><th scope="col">${t('after')}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
</div>
${page.nextCursor && html`<p class="pager"><a rel="next" href="${auditHref(filter, page.nextCursor)}">${t('nextPage')} →</a></p>`}`;
  return renderPage({ title: t('auditTitle'), body, csrfToken, reviewer, language, path: auditHref(filter) });
}
