import type { ReviewerApplicationDetail } from '#app/applications';
import { csrfField, html, renderPage, type PageReviewer, type SafeHtml } from './layout.js';
import { DEFAULT_PAGE_LANGUAGE, type PageLanguage } from './page-language.js';
import {
  actorLabel,
  dateTime,
  documentKindLabel,
  fieldLabel,
  fileSize,
  formatValue,
  overdueBadge,
  REQUIRED_INFO_FIELDS,
  shortId,
  statusBadge,
  statusLabel,
} from './review-format.js';
import { reviewTextFor, type ReviewText } from './review-text.js';

/** The reviewer's actions on an application, as the page routes name them (POST /queue/:id/<action>). */
export type ReviewAction = 'claim' | 'release' | 'approve' | 'reject' | 'request-info' | 'reassign';

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
  /** The reviewer's page language (page-language.ts); English when omitted. */
  readonly language?: PageLanguage;
}

// What every part of the page needs to word itself.
interface Words {
  readonly t: ReviewText;
  readonly language: PageLanguage;
}

function documentHref(applicationId: string, documentId: string, inline: boolean): string {
  return `/admin/api/v1/applications/${applicationId}/documents/${documentId}${inline ? '?inline=true' : ''}`;
}

function comparison(application: ReviewerApplicationDetail, { t, language }: Words): SafeHtml {
  const rows = REQUIRED_INFO_FIELDS.map((field) => {
    const current = application.current[field];
    const requested = application.requested[field];
    const changed = requested !== null && requested !== current;
    return html`<tr${changed ? html` class="changed"` : null}>
  <th scope="row">${fieldLabel(field, language)}</th>
  <td>${formatValue(field, current, language)}</td>
  <td>${requested === null ? html`<span class="muted">${t('noChangeAsked')}</span>` : formatValue(field, requested, language)}${changed && html` <span class="badge changed-badge">${t('changed')}</span>`}</td>
</tr>`;
  });
  return html`<section class="card" aria-labelledby="values-heading">
  <h2 id="values-heading">${t('valuesHeading')}</h2>
  ${application.status === 'APPROVED' && html`<p class="muted small">${t('approvedNote')}</p>`}
  <table class="comparison">
    <thead><tr><th scope="col">${t('field')}</th><th scope="col">${t('current')}</th><th scope="col">${t('requested')}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
  <h3>${t('memberReason')}</h3>
  <p class="note">${application.reason}</p>
</section>`;
}

function messages(application: ReviewerApplicationDetail, { t }: Words): SafeHtml | null {
  if (!application.infoRequestMessage && !application.rejectionReason) return null;
  return html`<section class="card" aria-labelledby="messages-heading">
  <h2 id="messages-heading">${t('messagesHeading')}</h2>
  ${application.infoRequestMessage && html`<h3>${t('infoRequested')}</h3><p class="note info-request">${application.infoRequestMessage}</p>`}
  ${application.rejectionReason && html`<h3>${t('rejectionReason')}</h3><p class="note rejection">${application.rejectionReason}</p>`}
</section>`;
}

function documents(application: ReviewerApplicationDetail, { t, language }: Words): SafeHtml {
  const rows = application.documents.length
    ? application.documents.map(
        (document) => html`<tr>
  <td><span class="document-name">${document.name}</span><br><span class="muted small">${documentKindLabel(document.kind, language)} · ${document.mediaType} · ${fileSize(document.size)}</span></td>
  <td class="nowrap">${dateTime(document.uploadedAt)}</td>
  <td class="nowrap links"><a href="${documentHref(application.id, document.id, true)}" target="_blank" rel="noopener noreferrer" aria-label="${t('viewDocument', { name: document.name })}">${t('view')}</a>
    <a href="${documentHref(application.id, document.id, false)}" download aria-label="${t('downloadDocument', { name: document.name })}">${t('download')}</a></td>
</tr>`,
      )
    : html`<tr><td colspan="3" class="empty">${t('noDocuments')}</td></tr>`;
  return html`<section class="card" aria-labelledby="documents-heading">
  <h2 id="documents-heading">${t('documents')}</h2>
  <table class="documents">
    <thead><tr><th scope="col">${t('document')}</th><th scope="col">${t('uploaded')}</th><th scope="col"><span class="visually-hidden">${t('open')}</span></th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</section>`;
}

function history(application: ReviewerApplicationDetail, { t, language }: Words): SafeHtml {
  const rows = application.history.map(
    (entry) => html`<tr>
  <td class="nowrap">${dateTime(entry.at)}</td>
  <td>${actorLabel(entry.actor, language)}</td>
  <td>${entry.from ? statusLabel(entry.from, language) : '—'} → ${statusLabel(entry.to, language)}</td>
  <td class="note">${entry.note ?? ''}</td>
</tr>`,
  );
  return html`<section class="card" aria-labelledby="history-heading">
  <h2 id="history-heading">${t('history')}</h2>
  <table class="history">
    <thead><tr><th scope="col">${t('time')}</th><th scope="col">${t('by')}</th><th scope="col">${t('status')}</th><th scope="col">${t('note')}</th></tr></thead>
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

function fourEyesNote(t: ReviewText): SafeHtml {
  return html`<p class="four-eyes muted small">${t('fourEyesNote')}</p>`;
}

/** ADMIN: free the claim, or hand it to another active reviewer (the previous claimant is told). */
function adminReassign(
  applicationId: string,
  csrfToken: string,
  reviewers: ReadonlyArray<{ readonly id: string; readonly displayName: string }>,
  t: ReviewText,
): SafeHtml {
  const options = reviewers.map((reviewer) => html`<option value="${reviewer.id}">${reviewer.displayName}</option>`);
  return html`<div class="admin-reassign">
  <h3>${t('administrator')}</h3>
  ${actionForm(
    applicationId,
    'reassign',
    csrfToken,
    html`<input type="hidden" name="reviewerId" value="">
  <button type="submit" class="secondary" name="release" value="true">${t('freeClaim')}</button>`,
  )}
  ${
    reviewers.length > 0 &&
    actionForm(
      applicationId,
      'reassign',
      csrfToken,
      html`<div class="field"><label for="reassign-reviewer">${t('handClaimTo')}</label>
  <select id="reassign-reviewer" name="reviewerId">${options}</select></div>
  <button type="submit" class="secondary">${t('reassign')}</button>`,
    )
  }
</div>`;
}

function actions(view: ReviewPageView, { t, language }: Words): SafeHtml {
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
    html`${noteField('request-info-message', 'message', t('messageToMember'), t('messageHint'), typed('request-info'), errorFor('request-info'))}
  <button type="submit" class="secondary">${t('requestInformation')}</button>`,
  )
}
${actionForm(
  application.id,
  'reject',
  csrfToken,
  html`${noteField('reject-reason', 'reason', t('rejectLabel'), t('rejectHint'), typed('reject'), errorFor('reject'))}
  <button type="submit" class="danger">${t('reject')}</button>`,
)}
${actionForm(
  application.id,
  'release',
  csrfToken,
  html`<button type="submit" class="secondary">${t('releaseToQueue')}</button>
  <span class="muted small">${t('releaseHint')}</span>`,
)}`;
  const firstApprover = application.firstApprovedBy === reviewerId;
  let content: SafeHtml;
  if (application.status === 'SUBMITTED') {
    content = html`<p>${t('waitingForReviewer')}</p>
${application.fourEyes && fourEyesNote(t)}
${actionForm(application.id, 'claim', csrfToken, html`<button type="submit" class="primary">${t('claim')}</button>`)}`;
  } else if (application.status === 'IN_REVIEW' && application.claimedBy === reviewerId) {
    content = html`<p>${t('youClaimed')}</p>
${application.fourEyes && fourEyesNote(t)}
${application.fourEyes ? decisionForms(t('approveFirst'), t('approveFirstHint'), true) : decisionForms(t('approve'), t('approveHint'), true)}`;
  } else if (application.status === 'AWAITING_SECOND_APPROVAL' && application.claimedBy === reviewerId) {
    content = html`<p>${t('secondReview')}</p>
${decisionForms(t('giveSecondApproval'), t('approveHint'), false)}`;
  } else if (application.status === 'AWAITING_SECOND_APPROVAL' && application.claimedBy === null) {
    content = firstApprover
      ? html`<p class="four-eyes-wait">${t('youGaveFirst')}</p>`
      : html`<p>${t('approvedOnce')}</p>
${actionForm(application.id, 'claim', csrfToken, html`<button type="submit" class="primary">${t('claimForSecond')}</button>`)}`;
  } else if (application.status === 'IN_REVIEW' || application.status === 'AWAITING_SECOND_APPROVAL') {
    const name = view.claimantName ? ` (${view.claimantName})` : '';
    content = html`<p class="claimed-elsewhere">${t('claimedElsewhere', { name })}</p>`;
  } else if (application.status === 'INFO_REQUESTED') {
    content = html`<p>${t('waitingForMember')}</p>`;
  } else {
    const [before, after] = t('decided').split('{on}');
    const on = application.decidedAt ? html`${t('decidedOn')}${dateTime(application.decidedAt)}` : null;
    content = html`<p>${before.replace('{status}', statusLabel(application.status, language))}${on}${after}</p>`;
  }
  if (view.isAdmin && application.claimedBy !== null && (application.status === 'IN_REVIEW' || application.status === 'AWAITING_SECOND_APPROVAL')) {
    content = html`${content}
${adminReassign(application.id, csrfToken, view.reassignTo ?? [], t)}`;
  }
  return html`<aside class="card actions" aria-labelledby="actions-heading">
  <h2 id="actions-heading">${t('review')}</h2>
  ${content}
</aside>`;
}

function summary(view: ReviewPageView, { t }: Words): SafeHtml {
  const { application, reviewerId } = view;
  const claimant = !application.claimedBy
    ? '—'
    : application.claimedBy === reviewerId
      ? t('you')
      : `${t('anotherReviewer')}${view.claimantName ? ` (${view.claimantName})` : ''}`;
  return html`<dl class="summary">
  <div class="wide"><dt>${t('member')}</dt><dd>${application.member.loginId}<br><span class="muted mono">${application.memberId}</span></dd></div>
  <div><dt>${t('submitted')}</dt><dd>${dateTime(application.submittedAt)}</dd></div>
  <div><dt>${t('statusSince')}</dt><dd>${dateTime(application.statusSince)}</dd></div>
  <div><dt>${t('claimedBy')}</dt><dd>${claimant}</dd></div>
</dl>`;
}

export function renderReviewPage(view: ReviewPageView): string {
  const { application, refusal, notice } = view;
  const language = view.language ?? DEFAULT_PAGE_LANGUAGE;
  const words: Words = { t: reviewTextFor(language), language };
  const { t } = words;
  const body = html`<p class="breadcrumb"><a href="/queue">${t('backToQueue')}</a></p>
<div class="page-heading">
  <h1>${t('application')} <span class="mono">${shortId(application.id)}</span> ${statusBadge(application.status, language)} ${application.overdue && overdueBadge(language)}</h1>
</div>
${notice && html`<p class="notice" role="status">${notice}</p>`}
${refusal && html`<p class="error" role="alert">${refusal.message}</p>`}
${summary(view, words)}
<div class="review-layout">
  <div class="review-main">
    ${comparison(application, words)}
    ${messages(application, words)}
    ${documents(application, words)}
    ${history(application, words)}
  </div>
  ${actions(view, words)}
</div>`;
  const title = t('applicationTitle', { id: shortId(application.id) });
  return renderPage({ title, body, csrfToken: view.csrfToken, reviewer: view.reviewer, language, path: `/queue/${application.id}` });
}
