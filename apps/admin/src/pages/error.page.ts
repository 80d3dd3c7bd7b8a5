import { html, renderPage } from './layout.js';

export interface ErrorPageView {
  readonly status: number;
  readonly message: string;
  readonly csrfToken: string;
  /** Set for unexpected errors, so the reviewer can quote it to an operator. */
  readonly errorId?: string;
}

export function renderErrorPage({ status, message, csrfToken, errorId }: ErrorPageView): string {
  const body = html`<section class="card">
  <h1>${status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Something went wrong'}</h1>
  <p>${message}</p>
  ${errorId && html`<p class="muted">Error id ${errorId}</p>`}
  <p><a href="/">Back to the admin app</a></p>
</section>`;
  return renderPage({ title: `Error ${status}`, body, csrfToken });
}
