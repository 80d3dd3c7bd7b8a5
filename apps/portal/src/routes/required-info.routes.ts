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
import { accountTabs } from './account-view.js';
import { formValues, MEMBER_TYPES, type FormValues } from './values.js';

const PATH = '/my/account/required-info';
const TEXT_FIELDS = ['memberType', 'name', 'businessName', 'businessRegistrationNumber', 'reason'];
const FILE_FIELDS = ['applicationForm', 'proofDocuments'];
const OPEN_STATES = new Set(['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'AWAITING_SECOND_APPROVAL']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RequiredValues {
  memberType: string | null;
  name: string | null;
  businessName: string | null;
  businessRegistrationNumber: string | null;
}

interface ApplicationSummary {
  id: string;
  status: string;
  submittedAt: string;
  statusSince: string;
  requested: RequiredValues;
}

interface ApplicationDetail extends ApplicationSummary {
  reason: string;
  infoRequestMessage: string | null;
  rejectionReason: string | null;
  decidedAt: string | null;
  documents: Array<{ id: string; kind: string; name: string; mediaType: string; size: number; uploadedAt: string }>;
  history: Array<{ at: string; actor: string; from: string | null; to: string; note: string | null }>;
}

const statusLabel = (ctx: PageContext, status: string) => ctx.t(`status.${status}` as MessageKey);

function requestedText(ctx: PageContext, requested: RequiredValues): string {
  const t = ctx.t;
  const parts: string[] = [];
  if (requested.memberType) parts.push(`${t('field.memberType')}: ${t(`memberType.${requested.memberType}` as MessageKey)}`);
  if (requested.name) parts.push(`${t('field.name')}: ${requested.name}`);
  if (requested.businessName) parts.push(`${t('field.businessName')}: ${requested.businessName}`);
  if (requested.businessRegistrationNumber) parts.push(`${t('field.businessRegistrationNumber')}: ${requested.businessRegistrationNumber}`);
  return parts.join(' · ');
}

/** A refusal of the portal's own upload parsing, in the same words as the API's. */
function uploadProblem(refusal: UploadRefusal): ProblemBody {
  return refusal.code === 'DOCUMENT_TOO_LARGE'
    ? { status: 422, code: 'DOCUMENT_TOO_LARGE', field: refusal.field }
    : { status: 400, code: 'VALIDATION_FAILED', errors: [{ field: refusal.field, rules: [refusal.rule ?? 'other'] }] };
}

async function requiredInfoPage(ctx: PageContext, values: FormValues, refusal: Refusal, status = 200): Promise<void> {
  const t = ctx.t;
  const { body: applications } = await ctx.call<ApplicationSummary[]>({ method: 'GET', path: '/me/required-info-applications' });
  const rows = applications.map(
    (
      application,
    ) => html`<tr data-application="${application.id}"><td>${formatDateTime(application.submittedAt, ctx.lang)}</td><td>${requestedText(ctx, application.requested)}</td>
      <td><span class="badge" data-status="${application.status}">${statusLabel(ctx, application.status)}</span></td><td><a href="${PATH}/${application.id}">${t('required.open')}</a></td></tr>`,
  );
  const memberTypes = [{ value: '', label: t('common.none') }, ...MEMBER_TYPES.map((type) => ({ value: type, label: t(`memberType.${type}`) }))];
  ctx.render(
    t('tab.requiredInfo'),
    html`<h1>${t('account.title')}</h1>${accountTabs(t, PATH)}
    <section><h2>${t('tab.requiredInfo')}</h2><p>${t('required.intro')}</p>
      <p><a class="download" href="/support/data/member-info-change-application" download>${t('required.download')}</a></p></section>
    <section><h2>${t('required.list')}</h2>
      ${applications.length === 0 ? html`<p>${t('required.noApplications')}</p>` : html`<table class="list"><thead><tr><th>${t('required.submittedAt')}</th><th>${t('required.requested')}</th><th>${t('required.status')}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`}
    </section>
    <section><h2>${t('required.newTitle')}</h2>${formAlert(refusal, t)}
      <form method="post" action="${PATH}" enctype="multipart/form-data" class="stack" novalidate>${csrfField(ctx.session.csrf)}
        <fieldset><legend>${t('required.requested')}</legend>
          ${field({ name: 'memberType', label: t('field.memberType'), value: values.memberType, refusal, options: memberTypes })}
          ${field({ name: 'name', label: t('field.name'), value: values.name, refusal })}
          ${field({ name: 'businessName', label: t('field.businessName'), value: values.businessName, refusal })}
          ${field({ name: 'businessRegistrationNumber', label: t('field.businessRegistrationNumber'), value: values.businessRegistrationNumber, refusal })}
        </fieldset>
        ${field({ name: 'reason', label: t('field.reason'), value: values.reason, refusal, textarea: true, required: true, maxlength: 2000 })}
        ${field({ name: 'applicationForm', label: t('field.applicationForm'), type: 'file', refusal, accept: 'application/pdf,image/png,image/jpeg', required: true })}
        ${field({ name: 'proofDocuments', label: t('field.proofDocuments'), type: 'file', refusal, accept: 'application/pdf,image/png,image/jpeg', multiple: true, required: true })}
        <button type="submit">${t('required.submit')}</button>
      </form></section>`,
    status,
  );
}

async function submitApplication(ctx: PageContext): Promise<void> {
  const values = formValues(ctx, TEXT_FIELDS);
  const uploadRefusal = ctx.res.locals.uploadRefusal as UploadRefusal | undefined;
  const refuse = (problem: ProblemBody) =>
    requiredInfoPage(ctx, values, toRefusal(problem, ctx.t, ctx.lang, {}, [...TEXT_FIELDS, ...FILE_FIELDS]), problem.status);
  if (uploadRefusal) return refuse(uploadProblem(uploadRefusal));
  const form = new FormData();
  for (const name of TEXT_FIELDS) if (values[name]) form.append(name, values[name]);
  appendFiles(form, ctx.req, FILE_FIELDS);
  try {
    await ctx.call({ method: 'POST', path: '/me/required-info-applications', form });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code === 'UNAUTHENTICATED') throw error;
    return refuse(error.problem);
  }
  ctx.flash('status', 'required.submitted');
  ctx.redirect(PATH);
}

async function applicationPage(ctx: PageContext, refusal: Refusal = NO_REFUSAL, status = 200): Promise<void> {
  const t = ctx.t;
  const id = String(ctx.req.params.id);
  if (!UUID.test(id)) throw new ApiProblem({ status: 404, code: 'NOT_FOUND' });
  const { body: application } = await ctx.call<ApplicationDetail>({ method: 'GET', path: `/me/required-info-applications/${id}` });
  const history = application.history.map(
    (entry) =>
      html`<li><time datetime="${entry.at}">${formatDateTime(entry.at, ctx.lang)}</time> ${statusLabel(ctx, entry.to)}${entry.note ? html` — ${entry.note}` : null}</li>`,
  );
  const documents = application.documents.map((document) => html`<li>${document.name} (${Math.ceil(document.size / 1024)} KB)</li>`);
  ctx.render(
    t('tab.requiredInfo'),
    html`<h1>${t('account.title')}</h1>${accountTabs(t, PATH)}
    <section><h2>${t('tab.requiredInfo')} · <span class="badge" data-status="${application.status}">${statusLabel(ctx, application.status)}</span></h2>
      <p>${requestedText(ctx, application.requested)}</p><p class="reason">${t('field.reason')}: ${application.reason}</p>
      ${application.status === 'INFO_REQUESTED' && application.infoRequestMessage ? html`<p class="info-request" role="status">${t('required.infoRequest', { message: application.infoRequestMessage })}</p>` : null}
      ${application.rejectionReason ? html`<p class="rejection">${t('required.rejection', { reason: application.rejectionReason })}</p>` : null}
      ${formAlert(refusal, t)}
      ${
        application.status === 'INFO_REQUESTED'
          ? html`<form method="post" action="${PATH}/${application.id}/documents" enctype="multipart/form-data" class="stack narrow">${csrfField(ctx.session.csrf)}
            ${field({ name: 'proofDocuments', label: t('field.proofDocuments'), type: 'file', refusal, accept: 'application/pdf,image/png,image/jpeg', multiple: true, required: true })}
            <button type="submit">${t('required.addDocuments')}</button></form>`
          : null
      }
      ${
        OPEN_STATES.has(application.status)
          ? html`<form method="post" action="${PATH}/${application.id}/withdraw" class="inline">${csrfField(ctx.session.csrf)}<button type="submit" class="secondary">${t('required.withdraw')}</button></form>`
          : null
      }
    </section>
    <section><h3>${t('required.documents')}</h3><ul>${documents}</ul></section>
    <section><h3>${t('required.history')}</h3><ol class="history">${history}</ol></section>
    <p><a href="${PATH}">${t('common.back')}</a></p>`,
    status,
  );
}

async function addDocuments(ctx: PageContext): Promise<void> {
  const id = String(ctx.req.params.id);
  if (!UUID.test(id)) throw new ApiProblem({ status: 404, code: 'NOT_FOUND' });
  const uploadRefusal = ctx.res.locals.uploadRefusal as UploadRefusal | undefined;
  const refuse = (problem: ProblemBody) => applicationPage(ctx, toRefusal(problem, ctx.t, ctx.lang, {}, ['proofDocuments']), problem.status);
  if (uploadRefusal) return refuse(uploadProblem(uploadRefusal));
  const form = new FormData();
  appendFiles(form, ctx.req, ['proofDocuments']);
  try {
    await ctx.call({ method: 'POST', path: `/me/required-info-applications/${id}/documents`, form });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code === 'UNAUTHENTICATED' || error.code === 'NOT_FOUND') throw error;
    return refuse(error.problem);
  }
  ctx.flash('status', 'required.documentsAdded');
  ctx.redirect(`${PATH}/${id}`);
}

async function withdraw(ctx: PageContext): Promise<void> {
  const id = String(ctx.req.params.id);
  if (!UUID.test(id)) throw new ApiProblem({ status: 404, code: 'NOT_FOUND' });
  try {
    await ctx.call({ method: 'POST', path: `/me/required-info-applications/${id}/withdraw` });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code !== 'INVALID_STATE') throw error;
    return applicationPage(ctx, toRefusal(error.problem, ctx.t, ctx.lang), error.status);
  }
  ctx.flash('status', 'required.withdrawn');
  ctx.redirect(`${PATH}/${id}`);
}

export function requiredInfoRoutes(router: Router, deps: PortalDeps, logger: Logger): void {
  const options = { auth: true, back: PATH };
  router.get(
    PATH,
    page(deps, logger, (ctx) => requiredInfoPage(ctx, {}, NO_REFUSAL), { auth: true }),
  );
  router.post(PATH, multipartForm(FILE_FIELDS), page(deps, logger, submitApplication, options));
  router.get(
    PATH + '/:id',
    page(deps, logger, (ctx) => applicationPage(ctx), { auth: true }),
  );
  router.post(
    PATH + '/:id/documents',
    multipartForm(['proofDocuments']),
    page(deps, logger, addDocuments, { auth: true, back: (ctx) => `${PATH}/${String(ctx.req.params.id)}` }),
  );
  router.post(PATH + '/:id/withdraw', page(deps, logger, withdraw, { auth: true, back: (ctx) => `${PATH}/${String(ctx.req.params.id)}` }));
}
