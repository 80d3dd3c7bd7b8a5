import type { QueueItem, QueuePage } from '#app/applications';
import type { ApplicationStatus } from '#workflows/required-info-application/application.types';
import { html, renderPage, type PageReviewer, type SafeHtml } from './layout.js';
import { APPLICATION_STATUSES, dateTime, OVERDUE_BADGE, requestedChanges, shortId, statusBadge, statusLabel } from './review-format.js';

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

function filterForm(filter: QueuePageFilter): SafeHtml {
  const options = APPLICATION_STATUSES.map(
    (status) => html`<option value="${status}"${filter.status === status ? html` selected` : null}>${statusLabel(status)}</option>`,
  );
  return html`<form method="get" action="/queue" class="filters" role="search" aria-label="Filter the queue">
  <div class="field">
    <label for="status">Status</label>
    <select id="status" name="status">
      <option value=""${filter.status ? null : html` selected`}>Waiting for review (submitted or in review)</option>
      ${options}
    </select>
  </div>
  <label class="checkbox"><input type="checkbox" name="overdue" value="true"${filter.overdueOnly ? html` checked` : null}> Overdue only</label>
  <button type="submit" class="secondary">Apply</button>
</form>`;
}

function claimedBy(item: QueueItem, reviewerId: string): SafeHtml | string {
  if (!item.claimedBy) return html`<span class="muted">—</span>`;
  return item.claimedBy === reviewerId ? html`<strong>You</strong>` : 'Another reviewer';
}

function row(item: QueueItem, reviewerId: string): SafeHtml {
  const changes = requestedChanges(item.requested);
  return html`<tr${item.overdue ? html` class="is-overdue"` : null}>
  <td class="nowrap">${dateTime(item.submittedAt)}</td>
  <td class="member"><span class="member-login">${item.memberLoginId ?? 'Unknown member'}</span><br><span class="muted mono">Member ${shortId(item.memberId)}</span></td>
  <td class="requested"><ul class="changes">${changes.map((change) => html`<li>${change}</li>`)}</ul></td>
  <td><div class="badges">${statusBadge(item.status)}${item.overdue && OVERDUE_BADGE}</div></td>
  <td>${claimedBy(item, reviewerId)}</td>
  <td><a class="button-link" href="/queue/${item.id}" aria-label="Open the application of ${item.memberLoginId ?? shortId(item.memberId)}">Open</a></td>
</tr>`;
}

export function renderQueuePage({ reviewer, reviewerId, csrfToken, filter, page }: QueuePageView): string {
  const empty = filter.status || filter.overdueOnly ? 'No applications match this filter' : 'No applications yet';
  const rows = page.items.length ? page.items.map((item) => row(item, reviewerId)) : html`<tr><td colspan="6" class="empty">${empty}</td></tr>`;
  const body = html`<div class="page-heading">
  <h1>Review queue</h1>
  <p class="muted">Oldest first. An application waiting too long for a claim or a decision is marked overdue.</p>
</div>
${filterForm(filter)}
<div class="table-scroll">
<table class="queue">
  <thead>
    <tr><th scope="col">Submitted</th><th scope="col">Member</th><th scope="col">Requested changes</th><th scope="col">Status</th><th scope="col">Claimed by</th><th scope="col"><span class="visually-hidden">Open</span></th></tr>
  </thead>
  <tbody>
    ${rows}
  </tbody>
</table>
</div>
<nav class="pager" aria-label="Queue pages">
  ${filter.cursor && html`<a href="${queueHref(filter)}">← First page</a>`}
  ${page.nextCursor && html`<a href="${queueHref(filter, page.nextCursor)}" rel="next">Next page →</a>`}
</nav>`;
  return renderPage({ title: 'Review queue', body, csrfToken, reviewer });
}
