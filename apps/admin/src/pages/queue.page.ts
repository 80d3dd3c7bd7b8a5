import { html, renderPage, type PageReviewer } from './layout.js';

export interface QueuePageView {
  readonly reviewer: PageReviewer;
  readonly csrfToken: string;
}

// The applications work replaces this body with the real queue (filters, rows, overdue marks).
export function renderQueuePage({ reviewer, csrfToken }: QueuePageView): string {
  const body = html`<h1>Review queue</h1>
<table class="queue">
  <thead>
    <tr><th scope="col">Application</th><th scope="col">Member</th><th scope="col">Status</th><th scope="col">Submitted</th><th scope="col">Overdue</th></tr>
  </thead>
  <tbody>
    <tr><td colspan="5" class="empty">No applications yet</td></tr>
  </tbody>
</table>`;
  return renderPage({ title: 'Review queue', body, csrfToken, reviewer });
}
