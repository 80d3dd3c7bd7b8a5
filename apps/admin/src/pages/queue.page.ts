import type { QueueItem, QueuePage } from '#app/applications';
import type { ApplicationStatus } from '#workflows/required-info-application/application.types';
import { html, renderPage, type PageReviewer, type SafeHtml } from './layout.js';
import { DEFAULT_PAGE_LANGUAGE, type PageLanguage } from './page-language.js';
import { APPLICATION_STATUSES, dateTime, overdueBadge, requestedChanges, shortId, statusBadge, statusLabel } from './review-format.js';
import { reviewTextFor, type ReviewText } from './review-text.js';

/** What the queue shows: one status, or SUBMITTED + IN_REVIEW when none is chosen. */
export interface QueuePageFilter {
  readonly status?: ApplicationStatus;
  readonly overdueOnly: boolean;
  /** Set when this is not the first page. */
  readonly cursor?: string;
}

export interface QueuePageView {
  readonly reviewer: PageReviewer;
  /** To tell "claimed by you" from "claimed by another reviewer". */
  readonly reviewerId: string;
  readonly csrfToken: string;
  readonly filter: QueuePageFilter;
  readonly page: QueuePage;
  /** The reviewer's page language (page-language.ts); English when omitted. */
  readonly language?: PageLanguage;
}

/** /queue with the filter, and the cursor when one is given (the links keep the filter). */
export function queueHref(filter: QueuePageFilter, cursor?: string): string {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.overdueOnly) query.set('overdue', 'true');
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `/queue?${search}` : '/queue';
}

function filterForm(filter: QueuePageFilter, t: ReviewText, language: PageLanguage): SafeHtml {
  const options = APPLICATION_STATUSES.map(
    (status) => html`<option value="${status}"${filter.status === status ? html` selected` : null}>${statusLabel(status, language)}</option>`,
  );
  return html`<form method="get" action="/queue" class="filters" role="search" aria-label="${t('filterQueue')}">
  <div class="field">
    <label for="status">${t('status')}</label>
    <select id="status" name="status">
      <option value=""${filter.status ? null : html` selected`}>${t('waitingForReview')}</option>
      ${options}
    </select>
  </div>
  <label class="checkbox"><input type="checkbox" name="overdue" value="true"${filter.overdueOnly ? html` checked` : null}> ${t('overdueOnly')}</label>
  <button type="submit" class="secondary">${t('apply')}</button>
</form>`;
}

function claimedBy(item: QueueItem, reviewerId: string, t: ReviewText): SafeHtml | string {
  if (!item.claimedBy) return html`<span class="muted">—</span>`;
  return item.claimedBy === reviewerId ? html`<strong>${t('you')}</strong>` : t('anotherReviewer');
}

function row(item: QueueItem, reviewerId: string, t: ReviewText, language: PageLanguage): SafeHtml {
  const changes = requestedChanges(item.requested, language);
  return html`<tr${item.overdue ? html` class="is-overdue"` : null}>
  <td class="nowrap">${dateTime(item.submittedAt)}</td>
  <td class="member"><span class="member-login">${item.memberLoginId ?? t('unknownMember')}</span><br><span class="muted mono">${t('memberShort', { id: shortId(item.memberId) })}</span></td>
  <td class="requested"><ul class="changes">${changes.map((change) => html`<li>${change}</li>`)}</ul></td>
  <td><div class="badges">${statusBadge(item.status, language)}${item.overdue && overdueBadge(language)}</div></td>
  <td>${claimedBy(item, reviewerId, t)}</td>
  <td><a class="button-link" href="/queue/${item.id}" aria-label="${t('openApplicationOf', { member: item.memberLoginId ?? shortId(item.memberId) })}">${t('open')}</a></td>
</tr>`;
}

export function renderQueuePage({ reviewer, reviewerId, csrfToken, filter, page, language = DEFAULT_PAGE_LANGUAGE }: QueuePageView): string {
  const t = reviewTextFor(language);
  const empty = filter.status || filter.overdueOnly ? t('noMatch') : t('noApplications');
  const rows = page.items.length ? page.items.map((item) => row(item, reviewerId, t, language)) : html`<tr><td colspan="6" class="empty">${empty}</td></tr>`;
  const body = html`<div class="page-heading">
  <h1>${t('queueTitle')}</h1>
  <p class="muted">${t('queueIntro')}</p>
</div>
${filterForm(filter, t, language)}
<div class="table-scroll">
<table class="queue">
  <thead>
    <tr><th scope="col">${t('submitted')}</th><th scope="col">${t('member')}</th><th scope="col">${t('requestedChanges')}</th><th scope="col">${t('status')}</th><th scope="col">${t('claimedBy')}</th><th scope="col"><span class="visually-hidden">${t('open')}</span></th></tr>
  </thead>
  <tbody>
    ${rows}
  </tbody>
</table>
</div>
<nav class="pager" aria-label="${t('queuePages')}">
  ${filter.cursor && html`<a href="${queueHref(filter)}">${t('firstPage')}</a>`}
  ${page.nextCursor && html`<a href="${queueHref(filter, page.nextCursor)}" rel="next">${t('nextPage')}</a>`}
</nav>`;
  return renderPage({ title: t('queueTitle'), body, csrfToken, reviewer, language, path: queueHref(filter, filter.cursor) });
}
