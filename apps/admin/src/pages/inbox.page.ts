import { INQUIRY_BODY_MAX_LENGTH, INQUIRY_STATUSES, type InboxPage, type InquiryStatus, type InquiryThreadView } from '#app/support';
import { textFor } from './desk-text.js';
import { paragraphs, short, when } from './desk-format.js';
import { csrfField, html, renderPage, type PageReviewer, type SafeHtml } from './layout.js';
import type { PageLanguage } from './page-language.js';

const STATUS_LABELS: Readonly<Record<PageLanguage, Record<InquiryStatus, string>>> = {
  en: { OPEN: 'Open', ANSWERED: 'Answered', CLOSED: 'Closed' },
  ko: { OPEN: '답변 대기', ANSWERED: '답변 완료', CLOSED: '종료' },
};
const STATUS_CLASS: Readonly<Record<InquiryStatus, string>> = { OPEN: 'status-submitted', ANSWERED: 'status-approved', CLOSED: 'status-withdrawn' };

function statusBadge(status: InquiryStatus, language: PageLanguage): SafeHtml {
  return html`<span class="badge ${STATUS_CLASS[status]}">${STATUS_LABELS[language][status]}</span>`;
}

interface PageBase {
  readonly reviewer: PageReviewer;
  readonly csrfToken: string;
  readonly language: PageLanguage;
}

export interface InboxPageView extends PageBase {
  readonly status?: InquiryStatus;
  readonly page: InboxPage;
}

export function inboxHref(status: InquiryStatus | undefined, cursor?: string | null): string {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return search ? `/inbox?${search}` : '/inbox';
}

export function renderInboxPage({ reviewer, csrfToken, language, status, page }: InboxPageView): string {
  const t = textFor(language);
  const options = INQUIRY_STATUSES.map(
    (value) => html`<option value="${value}"${status === value ? html` selected` : null}>${STATUS_LABELS[language][value]}</option>`,
  );
  const rows = page.items.length
    ? page.items.map(
        (item) => html`<tr>
  <td class="nowrap">${when(item.createdAt)}</td>
  <td>${item.category}</td>
  <td>${item.title}</td>
  <td><a href="/lookup/${item.memberId}" class="mono">${short(item.memberId)}</a></td>
  <td>${statusBadge(item.status, language)}</td>
  <td><a class="button-link" href="/inbox/${item.id}" aria-label="${t('open')}: ${item.title}">${t('open')}</a></td>
</tr>`,
      )
    : html`<tr><td colspan="6" class="empty">${t('noInquiries')}</td></tr>`;
  const body = html`<div class="page-heading"><h1>${t('inboxTitle')}</h1><p class="muted">${t('inboxIntro')}</p></div>
<form method="get" action="/inbox" class="filters" role="search">
  <div class="field"><label for="status">${t('status')}</label><select id="status" name="status"><option value=""${status ? null : html` selected`}>${t('anyStatus')}</option>${options}</select></div>
  <button type="submit" class="secondary">${t('apply')}</button>
</form>
<div class="table-scroll">
<table class="inbox">
  <thead><tr><th scope="col">${t('received')}</th><th scope="col">${t('category')}</th><th scope="col">${t('title')}</th><th scope="col">${t('member')}</th><th scope="col">${t('status')}</th><th scope="col"><span class="visually-hidden">${t('open')}</span></th></tr></thead>
  <tbody>${rows}</tbody>
</table>
</div>
${page.nextCursor && html`<p class="pager"><a rel="next" href="${inboxHref(status, page.nextCursor)}">${t('nextPage')} →</a></p>`}`;
  return renderPage({ title: t('inboxTitle'), body, csrfToken, reviewer, language, path: inboxHref(status) });
}

export interface InquiryPageView extends PageBase {
  readonly inquiry: InquiryThreadView;
  readonly notice?: string;
  readonly error?: string;
  readonly typedReply?: string;
}

export function renderInquiryPage({ reviewer, csrfToken, language, inquiry, notice, error, typedReply }: InquiryPageView): string {
  const t = textFor(language);
  const attachments = inquiry.attachments.length
    ? html`<ul class="attachments">${inquiry.attachments.map(
        (file) =>
          html`<li><span class="document-name">${file.name}</span> <span class="muted small">(${file.mediaType}, ${file.size} B)</span>
          <a href="/inbox/${inquiry.id}/attachments/${file.id}?inline=true" target="_blank" rel="noopener">${t('view')}</a>
          <a href="/inbox/${inquiry.id}/attachments/${file.id}">${t('download')}</a></li>`,
      )}</ul>`
    : html`<p class="muted">${t('noAttachments')}</p>`;
  const messages = [
    html`<li class="message from-member"><p class="muted small">${t('fromMember')} · ${when(inquiry.createdAt)}</p><p>${paragraphs(inquiry.body)}</p></li>`,
    ...inquiry.replies.map(
      (reply) =>
        html`<li class="message ${reply.author === 'REVIEWER' ? 'from-support' : 'from-member'}"><p class="muted small">${reply.author === 'REVIEWER' ? t('fromSupport') : t('fromMember')} · ${when(reply.createdAt)}</p><p>${paragraphs(reply.body)}</p></li>`,
    ),
  ];
  const actions =
    inquiry.status === 'CLOSED'
      ? html`<p class="muted">${t('closedNote')}</p>`
      : html`<section class="card">
  <h2>${t('reply')}</h2>
  <form method="post" action="/inbox/${inquiry.id}/replies">
    ${csrfField(csrfToken)}
    <div class="field"><label for="reply-body">${t('replyLabel')}</label><textarea id="reply-body" name="body" rows="6" required maxlength="${INQUIRY_BODY_MAX_LENGTH}">${typedReply ?? ''}</textarea></div>
    <button type="submit" class="primary">${t('sendReply')}</button>
  </form>
  <form method="post" action="/inbox/${inquiry.id}/close" class="inline">
    ${csrfField(csrfToken)}
    <button type="submit" class="danger">${t('close')}</button>
  </form>
</section>`;
  const body = html`<p class="breadcrumb"><a href="/inbox">← ${t('inboxTitle')}</a></p>
<div class="page-heading"><h1>${inquiry.title}</h1><div class="badges">${statusBadge(inquiry.status, language)}</div></div>
${notice && html`<p class="notice" role="status">${notice}</p>`}
${error && html`<p class="error" role="alert">${error}</p>`}
<dl class="facts">
  <dt>${t('category')}</dt><dd>${inquiry.category}</dd>
  <dt>${t('member')}</dt><dd><a href="/lookup/${inquiry.memberId}" class="mono">${inquiry.memberId}</a></dd>
  <dt>${t('received')}</dt><dd>${when(inquiry.createdAt)}</dd>
</dl>
<h2>${t('attachments')}</h2>
${attachments}
<h2>${t('conversation')}</h2>
<ol class="conversation">${messages}</ol>
${actions}`;
  return renderPage({ title: inquiry.title, body, csrfToken, reviewer, language, path: `/inbox/${inquiry.id}` });
}
