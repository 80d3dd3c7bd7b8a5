import type { ReviewerApplicationDetail } from '#app/applications';
import { csrfField, html, renderPage, type PageReviewer, type SafeHtml } from './layout.js';
import {
  actorLabel,
  dateTime,
  documentKindLabel,
  fileSize,
  formatValue,
  OVERDUE_BADGE,
  REQUIRED_INFO_FIELDS,
  shortId,
  statusBadge,
  statusLabel,
} from './review-format.js';

/** The reviewer's actions on an application, as the page routes name them (POST /queue/:id/<action>). */
export type ReviewAction = 'claim' | 'release' | 'approve' | 'reject' | 'request-info' | 'reassign';

export const REVIEW_ACTIONS: readonly ReviewAction[] = ['claim', 'release', 'approve', 'reject', 'request-info', 'reassign'];

/** The longest reason or message the member is sent (as the JSON API allows). */
export const MAX_NOTE_LENGTH = 2000;

/** A refused action, shown again with what the reviewer typed. */
export interface ReviewRefusal {
  readonly action: ReviewAction;
  readonly message: string;
  /** Set when the refusal is about the typed text: told beside the field too. */
  readonly fieldMessage?: string;
  readonly typed?: string;
}

export interface ReviewPageView {
  readonly reviewer: PageReviewer;
  readonly reviewerId: string;
  readonly csrfToken: string;
  readonly application: ReviewerApplicationDetail;
  /** The claimant's name when another reviewer holds the application (null when unknown). */
  readonly claimantName?: string | null;
  /** What the last action did (after its redirect). */
  readonly notice?: string;
  readonly refusal?: ReviewRefusal;
  /** ADMIN: may free or hand over a claim held by anyone. */
  readonly isAdmin?: boolean;
  /** Active reviewers an admin can hand the claim to. */
  readonly reassignTo?: ReadonlyArray<{ readonly id: string; readonly displayName: string }>;
}

function documentHref(applicationId: string, documentId: string, inline: boolean): string {
  return `/admin/api/v1/applications/${applicationId}/documents/${documentId}${inline ? '?inline=true' : ''}`;
}

function comparison(application: ReviewerApplicationDetail): SafeHtml {
  const rows = REQUIRED_INFO_FIELDS.map(({ field, label }) => {
    const current = application.current[field];
    const requested = application.requested[field];
    const changed = requested !== null && requested !== current;
    return html`<tr${changed ? html` class="changed"` : null}>
  <th scope="row">${label}</th>
  <td>${formatValue(field, current)}</td>
  <td>${requested === null ? html`<span class="muted">No change asked</span>` : formatValue(field, requested)}${changed && html` <span class="badge changed-badge">Changed</span>`}</td>
</tr>`;
  });
  return html`<section class="card" aria-labelledby="values-heading">
  <h2 id="values-heading">Current and requested values</h2>
  ${application.status === 'APPROVED' && html`<p class="muted small">Approved: the current values are the member's data now, with the requested values applied.</p>`}
  <table class="comparison">
    <thead><tr><th scope="col">Field</th><th scope="col">Current</th><th scope="col">Requested</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
  <h3>Reason given by the member</h3>
  <p class="note">${application.reason}</p>
</section>`;
}

function messages(application: ReviewerApplicationDetail): SafeHtml | null {
  if (!application.infoRequestMessage && !application.rejectionReason) return null;
  return html`<section class="card" aria-labelledby="messages-heading">
  <h2 id="messages-heading">Messages to the member</h2>
  ${application.infoRequestMessage && html`<h3>Information requested</h3><p class="note info-request">${application.infoRequestMessage}</p>`}
  ${application.rejectionReason && html`<h3>Reason for rejection</h3><p class="note rejection">${application.rejectionReason}</p>`}
</section>`;
}

function documents(application: ReviewerApplicationDetail): SafeHtml {
  const rows = application.documents.length
    ? application.documents.map(
        (document) => html`<tr>
  <td><span class="document-name">${document.name}</span><br><span class="muted small">${documentKindLabel(document.kind)} · ${document.mediaType} · ${fileSize(document.size)}</span></td>
  <td class="nowrap">${dateTime(document.uploadedAt)}</td>
  <td class="nowrap links"><a href="${documentHref(application.id, document.id, true)}" target="_blank" rel="noopener noreferrer" aria-label="View ${document.name} (opens in a new tab)">View</a>
    <a href="${documentHref(application.id, document.id, false)}" download aria-label="Download ${document.name}">Download</a></td>
</tr>`,
      )
    : html`<tr><td colspan="3" class="empty">No documents</td></tr>`;
  return html`<section class="card" aria-labelledby="documents-heading">
  <h2 id="documents-heading">Documents</h2>
  <table class="documents">
    <thead><tr><th scope="col">Document</th><th scope="col">Uploaded</th><th scope="col"><span class="visually-hidden">Open</span></th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</section>`;
}

function history(application: ReviewerApplicationDetail): SafeHtml {
  const rows = application.history.map(
    (entry) => html`<tr>
  <td class="nowrap">${dateTime(entry.at)}</td>
  <td>${actorLabel(entry.actor)}</td>
  <td>${entry.from ? statusLabel(entry.from) : '—'} → ${statusLabel(entry.to)}</td>
  <td class="note">${entry.note ?? ''}</td>
</tr>`,
  );
  return html`<section class="card" aria-labelledby="history-heading">
  <h2 id="history-heading">History</h2>
  <table class="history">
    <thead><tr><th scope="col">Time</th><th scope="col">By</th><th scope="col">Status</th><th scope="col">Note</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</section>`;
}

function actionForm(applicationId: string, action: ReviewAction, csrfToken: string, content: SafeHtml): SafeHtml {
  return html`<form method="post" action="/queue/${applicationId}/${action}" class="action action-${action}">
  ${csrfField(csrfToken)}
  ${content}
</form>`;
}

// The newline after <textarea> is eaten by the HTML parser, so a typed text starting with one survives.
function noteField(id: string, name: string, label: string, hint: string, typed: string | undefined, error: string | undefined): SafeHtml {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return html`<div class="field">
  <label for="${id}">${label}</label>
  <span class="muted small" id="${hintId}">${hint}</span>
  ${error && html`<span class="field-error" id="${errorId}">${error}</span>`}
  <textarea id="${id}" name="${name}" rows="3" required maxlength="${MAX_NOTE_LENGTH}" aria-describedby="${hintId}${error ? ` ${errorId}` : ''}"${error ? html` aria-invalid="true"` : null}>
${typed ?? ''}</textarea>
</div>`;
}

const FOUR_EYES_NOTE = html`<p class="four-eyes muted small">Four eyes: this change needs the approval of two different reviewers.</p>`;

/** ADMIN: free the claim, or hand it to another active reviewer (the previous claimant is told). */
function adminReassign(applicationId: string, csrfToken: string, reviewers: ReadonlyArray<{ readonly id: string; readonly displayName: string }>): SafeHtml {
  const options = reviewers.map((reviewer) => html`<option value="${reviewer.id}">${reviewer.displayName}</option>`);
  return html`<div class="admin-reassign">
  <h3>Administrator</h3>
  ${actionForm(
    applicationId,
    'reassign',
    csrfToken,
    html`<input type="hidden" name="reviewerId" value="">
  <button type="submit" class="secondary" name="release" value="true">Free the claim</button>`,
  )}
  ${
    reviewers.length > 0 &&
    actionForm(
      applicationId,
      'reassign',
      csrfToken,
      html`<div class="field"><label for="reassign-reviewer">Hand the claim to</label>
  <select id="reassign-reviewer" name="reviewerId">${options}</select></div>
  <button type="submit" class="secondary">Reassign</button>`,
    )
  }
</div>`;
}

function actions(view: ReviewPageView): SafeHtml {
  const { application, reviewerId, csrfToken, refusal } = view;
  const typed = (action: ReviewAction) => (refusal?.action === action ? refusal.typed : undefined);
  const errorFor = (action: ReviewAction) => (refusal?.action === action ? refusal.fieldMessage : undefined);
  const decisionForms = (approveLabel: string, approveHint: string, withInfoRequest: boolean) => html`${actionForm(
    application.id,
    'approve',
    csrfToken,
    html`<button type="submit" class="primary">${approveLabel}</button>
  <span class="muted small">${approveHint}</span>`,
  )}
${
  withInfoRequest &&
  actionForm(
    application.id,
    'request-info',
    csrfToken,
    html`${noteField('request-info-message', 'message', 'Message to the member', 'What should the member send? Unanswered, the application expires.', typed('request-info'), errorFor('request-info'))}
  <button type="submit" class="secondary">Request information</button>`,
  )
}
${actionForm(
  application.id,
  'reject',
  csrfToken,
  html`${noteField('reject-reason', 'reason', 'Reason for rejection', 'Shown to the member.', typed('reject'), errorFor('reject'))}
  <button type="submit" class="danger">Reject</button>`,
)}
${actionForm(
  application.id,
  'release',
  csrfToken,
  html`<button type="submit" class="secondary">Release to the queue</button>
  <span class="muted small">Another reviewer can then claim it.</span>`,
)}`;
  const firstApprover = application.firstApprovedBy === reviewerId;
  let content: SafeHtml;
  if (application.status === 'SUBMITTED') {
    content = html`<p>Waiting for a reviewer. Claim it to review it: while you hold it, no other reviewer can decide on it.</p>
${application.fourEyes && FOUR_EYES_NOTE}
${actionForm(application.id, 'claim', csrfToken, html`<button type="submit" class="primary">Claim</button>`)}`;
  } else if (application.status === 'IN_REVIEW' && application.claimedBy === reviewerId) {
    content = html`<p>You claimed this application.</p>
${application.fourEyes && FOUR_EYES_NOTE}
${
  application.fourEyes
    ? decisionForms('Approve (first of two)', 'A different reviewer must then give the second approval.', true)
    : decisionForms('Approve', "Applies the requested values to the member's account.", true)
}`;
  } else if (application.status === 'AWAITING_SECOND_APPROVAL' && application.claimedBy === reviewerId) {
    content = html`<p>First approval given by another reviewer. You hold the second review.</p>
${decisionForms('Give the second approval', "Applies the requested values to the member's account.", false)}`;
  } else if (application.status === 'AWAITING_SECOND_APPROVAL' && application.claimedBy === null) {
    content = firstApprover
      ? html`<p class="four-eyes-wait">You gave the first approval. A different reviewer must claim it and give the second.</p>`
      : html`<p>Approved once; waiting for a second, different reviewer.</p>
${actionForm(application.id, 'claim', csrfToken, html`<button type="submit" class="primary">Claim for the second approval</button>`)}`;
  } else if (application.status === 'IN_REVIEW' || application.status === 'AWAITING_SECOND_APPROVAL') {
    const name = view.claimantName ? html` (${view.claimantName})` : null;
    content = html`<p class="claimed-elsewhere">Claimed by another reviewer${name}. Only they can decide on it or release it.</p>`;
  } else if (application.status === 'INFO_REQUESTED') {
    content = html`<p>Waiting for the member to add documents. It comes back to the queue when they do.</p>`;
  } else {
    content = html`<p>${statusLabel(application.status)}${application.decidedAt ? html` on ${dateTime(application.decidedAt)}` : null}. Nothing more to decide.</p>`;
  }
  if (view.isAdmin && application.claimedBy !== null && (application.status === 'IN_REVIEW' || application.status === 'AWAITING_SECOND_APPROVAL')) {
    content = html`${content}
${adminReassign(application.id, csrfToken, view.reassignTo ?? [])}`;
  }
  return html`<aside class="card actions" aria-labelledby="actions-heading">
  <h2 id="actions-heading">Review</h2>
  ${content}
</aside>`;
}

function summary(view: ReviewPageView): SafeHtml {
  const { application, reviewerId } = view;
  const claimant = !application.claimedBy
    ? '—'
    : application.claimedBy === reviewerId
      ? 'You'
      : `Another reviewer${view.claimantName ? ` (${view.claimantName})` : ''}`;
  return html`<dl class="summary">
  <div class="wide"><dt>Member</dt><dd>${application.member.loginId}<br><span class="muted mono">${application.memberId}</span></dd></div>
  <div><dt>Submitted</dt><dd>${dateTime(application.submittedAt)}</dd></div>
  <div><dt>Status since</dt><dd>${dateTime(application.statusSince)}</dd></div>
  <div><dt>Claimed by</dt><dd>${claimant}</dd></div>
</dl>`;
}

export function renderReviewPage(view: ReviewPageView): string {
  const { application, refusal, notice } = view;
  const body = html`<p class="breadcrumb"><a href="/queue">← Review queue</a></p>
<div class="page-heading">
  <h1>Application <span class="mono">${shortId(application.id)}</span> ${statusBadge(application.status)} ${application.overdue && OVERDUE_BADGE}</h1>
</div>
${notice && html`<p class="notice" role="status">${notice}</p>`}
${refusal && html`<p class="error" role="alert">${refusal.message}</p>`}
${summary(view)}
<div class="review-layout">
  <div class="review-main">
    ${comparison(application)}
    ${messages(application)}
    ${documents(application)}
    ${history(application)}
  </div>
  ${actions(view)}
</div>`;
  return renderPage({ title: `Application ${shortId(application.id)}`, body, csrfToken: view.csrfToken, reviewer: view.reviewer });
}
