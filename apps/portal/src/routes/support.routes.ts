import type { Router } from 'express';
import type { Logger } from 'pino';
import { ApiProblem, type ProblemBody } from '../api/api-problem.js';
import type { MessageKey } from '../i18n/messages.js';
import type { PageContext, PortalDeps } from '../page-context.js';
import { field, formAlert } from '../pages/form.js';
import { html } from '../pages/html.js';
import { csrfField } from '../pages/layout.js';
import { formatDateTime, NO_REFUSAL, toRefusal, type Refusal } from '../pages/refusal.js';
import { page } from '../routing.js';
import { appendFiles, multipartForm, type UploadRefusal } from '../uploads.js';
import { formValues, type FormValues } from './values.js';

const CATEGORIES = ['ACCOUNT', 'BILLING', 'REQUIRED_INFO', 'TECHNICAL', 'OTHER'] as const;
const TEXT_FIELDS = ['category', 'title', 'body'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface InquiryView {
  id: string;
  category: string;
  title: string;
  body: string;
  createdAt: string;
  status?: string;
  attachments: Array<{ id: string; name: string; size: number }>;
  replies?: Array<{ id?: string; body: string; createdAt: string; author?: string; from?: string; authorType?: string }>;
}

function uploadProblem(refusal: UploadRefusal): ProblemBody {
  return refusal.code === 'DOCUMENT_TOO_LARGE'
    ? { status: 422, code: 'DOCUMENT_TOO_LARGE', field: refusal.field }
    : { status: 400, code: 'VALIDATION_FAILED', errors: [{ field: refusal.field, rules: [refusal.rule ?? 'other'] }] };
}

function dataPage(ctx: PageContext): void {
  const t = ctx.t;
  ctx.render(
    t('data.title'),
    html`<h1>${t('nav.support')} · ${t('data.title')}</h1>
    <section><h2>${t('data.membership')}</h2><ul><li><a class="download" href="/support/data/member-info-change-application" download>${t('required.download')}</a></li></ul></section>
    ${ctx.auth ? html`<p><a href="/support">${t('nav.contact')}</a> · <a href="/my/account/required-info">${t('required.fromSupport')}</a></p>` : null}`,
  );
}

/** The application form, pre-filled by the API when the member is signed in, streamed through. */
async function downloadForm(ctx: PageContext): Promise<void> {
  const response = await ctx.deps.api.raw(ctx.caller(), {
    method: 'GET',
    path: '/forms/member-info-change-application',
    headers: { 'accept-language': ctx.lang, accept: 'application/pdf' },
  });
  await ctx.sendFile(response);
}

async function supportPage(ctx: PageContext, values: FormValues, refusal: Refusal, status = 200): Promise<void> {
  const t = ctx.t;
  const { body: inquiries } = await ctx.call<InquiryView[]>({ method: 'GET', path: '/me/inquiries' });
  const rows = inquiries.map(
    (
      inquiry,
    ) => html`<tr data-inquiry="${inquiry.id}"><td>${formatDateTime(inquiry.createdAt, ctx.lang)}</td><td>${t(`category.${inquiry.category}` as MessageKey)}</td>
      <td><a href="/support/inquiries/${inquiry.id}">${inquiry.title}</a></td><td>${inquiry.status ? t(`status.${inquiry.status}` as MessageKey) : null}</td></tr>`,
  );
  ctx.render(
    t('support.title'),
    html`<h1>${t('nav.support')} · ${t('support.title')}</h1>
    <p class="callout"><a href="/my/account/required-info">${t('required.fromSupport')}</a> · <a href="/support/data">${t('nav.data')}</a></p>
    <section><h2>${t('support.new')}</h2>${formAlert(refusal, t)}
      <form method="post" action="/support" enctype="multipart/form-data" class="stack" novalidate>${csrfField(ctx.session.csrf)}
        ${field({ name: 'category', label: t('field.category'), value: values.category, refusal, options: CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) })) })}
        ${field({ name: 'title', label: t('field.title'), value: values.title, refusal, required: true, maxlength: 200 })}
        ${field({ name: 'body', label: t('field.body'), value: values.body, refusal, textarea: true, required: true, maxlength: 5000 })}
        ${field({ name: 'attachments', label: `${t('field.attachments')} (${t('common.optional')})`, type: 'file', refusal, accept: 'application/pdf,image/png,image/jpeg', multiple: true })}
        <button type="submit">${t('support.submit')}</button>
      </form></section>
    <section><h2>${t('support.list')}</h2>
      ${inquiries.length === 0 ? html`<p>${t('support.none')}</p>` : html`<table class="list"><tbody>${rows}</tbody></table>`}</section>`,
    status,
  );
}

async function submitInquiry(ctx: PageContext): Promise<void> {
  const values = formValues(ctx, TEXT_FIELDS);
  const uploadRefusal = ctx.res.locals.uploadRefusal as UploadRefusal | undefined;
  const refuse = (problem: ProblemBody) => supportPage(ctx, values, toRefusal(problem, ctx.t, ctx.lang, {}, [...TEXT_FIELDS, 'attachments']), problem.status);
  if (uploadRefusal) return refuse(uploadProblem(uploadRefusal));
  const form = new FormData();
  for (const name of TEXT_FIELDS) form.append(name, values[name]);
  appendFiles(form, ctx.req, ['attachments']);
  try {
    await ctx.call({ method: 'POST', path: '/support/inquiries', form });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code === 'UNAUTHENTICATED') throw error;
    return refuse(error.problem);
  }
  ctx.flash('status', 'support.sent');
  ctx.redirect('/support');
}

function authorOf(reply: NonNullable<InquiryView['replies']>[number]): string {
  return String(reply.authorType ?? reply.author ?? reply.from ?? 'REVIEWER').toUpperCase() === 'MEMBER' ? 'MEMBER' : 'REVIEWER';
}

async function inquiryPage(ctx: PageContext, values: FormValues = {}, refusal: Refusal = NO_REFUSAL, status = 200): Promise<void> {
  const t = ctx.t;
  const id = String(ctx.req.params.id);
  if (!UUID.test(id)) throw new ApiProblem({ status: 404, code: 'NOT_FOUND' });
  const { body: inquiry } = await ctx.call<InquiryView>({ method: 'GET', path: `/me/inquiries/${id}` });
  const replies = (inquiry.replies ?? []).map(
    (reply) =>
      html`<li class="reply ${authorOf(reply).toLowerCase()}"><p class="meta">${t(`support.from.${authorOf(reply)}` as MessageKey)} · ${formatDateTime(reply.createdAt, ctx.lang)}</p><p class="body">${reply.body}</p></li>`,
  );
  ctx.render(
    inquiry.title,
    html`<h1>${t('support.title')}</h1>
    <article class="inquiry"><h2>${inquiry.title}</h2>
      <p class="meta">${t(`category.${inquiry.category}` as MessageKey)} · ${formatDateTime(inquiry.createdAt, ctx.lang)}${inquiry.status ? html` · <span class="badge" data-status="${inquiry.status}">${t(`status.${inquiry.status}` as MessageKey)}</span>` : null}</p>
      <p class="body">${inquiry.body}</p>
      ${inquiry.attachments.length ? html`<ul>${inquiry.attachments.map((attachment) => html`<li>${attachment.name}</li>`)}</ul>` : null}</article>
    <section><h3>${t('support.replies')}</h3><ol class="replies">${replies}</ol></section>
    <section>${formAlert(refusal, t)}
      <form method="post" action="/support/inquiries/${inquiry.id}/replies" enctype="multipart/form-data" class="stack">${csrfField(ctx.session.csrf)}
        ${field({ name: 'body', label: t('field.body'), value: values.body, refusal, textarea: true, required: true, maxlength: 5000 })}
        ${field({ name: 'attachments', label: `${t('field.attachments')} (${t('common.optional')})`, type: 'file', refusal, accept: 'application/pdf,image/png,image/jpeg', multiple: true })}
        <button type="submit">${t('support.reply')}</button></form></section>
    <p><a href="/support">${t('common.back')}</a></p>`,
    status,
  );
}

async function reply(ctx: PageContext): Promise<void> {
  const id = String(ctx.req.params.id);
  if (!UUID.test(id)) throw new ApiProblem({ status: 404, code: 'NOT_FOUND' });
  const values = formValues(ctx, ['body']);
  const uploadRefusal = ctx.res.locals.uploadRefusal as UploadRefusal | undefined;
  const refuse = (problem: ProblemBody) => inquiryPage(ctx, values, toRefusal(problem, ctx.t, ctx.lang, {}, ['body', 'attachments']), problem.status);
  if (uploadRefusal) return refuse(uploadProblem(uploadRefusal));
  const form = new FormData();
  form.append('body', values.body);
  appendFiles(form, ctx.req, ['attachments']);
  try {
    await ctx.call({ method: 'POST', path: `/me/inquiries/${id}/replies`, form });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code === 'UNAUTHENTICATED' || error.code === 'NOT_FOUND') throw error;
    return refuse(error.problem);
  }
  ctx.flash('status', 'support.replied');
  ctx.redirect(`/support/inquiries/${id}`);
}

export function supportRoutes(router: Router, deps: PortalDeps, logger: Logger): void {
  router.get('/support/data', page(deps, logger, dataPage));
  router.get('/support/data/member-info-change-application', page(deps, logger, downloadForm));
  router.get(
    '/support',
    page(deps, logger, (ctx) => supportPage(ctx, {}, NO_REFUSAL), { auth: true }),
  );
  router.post('/support', multipartForm(['attachments']), page(deps, logger, submitInquiry, { auth: true, back: '/support' }));
  router.get(
    '/support/inquiries/:id',
    page(deps, logger, (ctx) => inquiryPage(ctx), { auth: true }),
  );
  router.post(
    '/support/inquiries/:id/replies',
    multipartForm(['attachments']),
    page(deps, logger, reply, { auth: true, back: (ctx) => `/support/inquiries/${String(ctx.req.params.id)}` }),
  );
}
