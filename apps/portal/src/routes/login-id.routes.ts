import type { Router } from 'express';
import type { Logger } from 'pino';
import { ApiProblem } from '../api/api-problem.js';
import type { MessageKey } from '../i18n/messages.js';
import type { PageContext, PortalDeps } from '../page-context.js';
import { field, formAlert } from '../pages/form.js';
import { html, type SafeHtml } from '../pages/html.js';
import { csrfField } from '../pages/layout.js';
import { formatDateTime, NO_REFUSAL, toRefusal, type Refusal } from '../pages/refusal.js';
import { page } from '../routing.js';
import { accountFacts, accountTabs, fetchAccount } from './account-view.js';
import { sentToGate } from './gate.js';
import { takeDraft, type FormValues } from './values.js';

const PATH = '/my/account/login-id';
const FIELDS = ['currentPassword', 'mobilePhone', 'code', 'newLoginId'];
const TERMINAL = new Set(['COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED']);

/** GET /me/login-id-change as the API answers it. */
interface ChangeView {
  changeId: string;
  status: string;
  newLoginId: string | null;
  failureCode: string | null;
  startedAt: string;
  expiresAt: string;
}

async function currentChange(ctx: PageContext): Promise<ChangeView | null> {
  try {
    return (await ctx.call<ChangeView>({ method: 'GET', path: '/me/login-id-change' })).body;
  } catch (error) {
    if (error instanceof ApiProblem && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

function stepForm(ctx: PageContext, action: string, body: SafeHtml, button: string): SafeHtml {
  return html`<form method="post" action="${PATH}/${action}" class="stack narrow">${csrfField(ctx.session.csrf)}${body}<button type="submit">${button}</button></form>`;
}

function smallForm(ctx: PageContext, action: string, button: string): SafeHtml {
  return html`<form method="post" action="${PATH}/${action}" class="inline">${csrfField(ctx.session.csrf)}<button type="submit" class="secondary">${button}</button></form>`;
}

function codeField(ctx: PageContext, refusal: Refusal): SafeHtml {
  return field({ name: 'code', label: ctx.t('field.code'), refusal, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 });
}

async function loginIdPage(ctx: PageContext, refusal: Refusal, values: FormValues, status = 200): Promise<void> {
  const t = ctx.t;
  const change = await currentChange(ctx);
  const inFlight = change && !TERMINAL.has(change.status) ? change : null;
  const where = change
    ? html`<section class="where" aria-labelledby="where-title"><h3 id="where-title">${t('loginId.where')}</h3>
        <p class="change-status" data-status="${change.status}">${t(`loginId.status.${change.status}` as MessageKey)}${change.failureCode ? html` — ${t(`error.${change.failureCode}` as MessageKey)}` : null}</p>
        ${inFlight ? html`<p>${t('loginId.expiresAt', { at: formatDateTime(change.expiresAt, ctx.lang) })}</p>` : null}</section>`
    : null;
  const cancel = inFlight ? html`<p class="secondary-actions">${smallForm(ctx, 'cancel', t('loginId.cancel'))}</p>` : null;
  const resend =
    inFlight && (inFlight.status === 'AWAITING_IDENTITY_CODE' || inFlight.status === 'AWAITING_EMAIL_CODE')
      ? smallForm(ctx, 'resend', t('loginId.resend'))
      : null;
  let step: SafeHtml;
  switch (inFlight?.status) {
    case 'AWAITING_IDENTITY_CODE':
      step = html`<p>${t('loginId.smsSent')}</p>${stepForm(ctx, 'identity-code', codeField(ctx, refusal), t('common.next'))}`;
      break;
    case 'AWAITING_NEW_LOGIN_ID':
      step = html`<p>${t('loginId.enterNew')}</p>${stepForm(
        ctx,
        'new-login-id',
        field({ name: 'newLoginId', label: t('field.newLoginId'), type: 'email', value: values.newLoginId, refusal, autocomplete: 'email', required: true }),
        t('loginId.verifyEmail'),
      )}`;
      break;
    case 'AWAITING_EMAIL_CODE':
      step = html`<p>${t('loginId.emailSent', { newLoginId: inFlight.newLoginId ?? '' })}</p>${stepForm(ctx, 'email-code', codeField(ctx, refusal), t('loginId.verifyCode'))}`;
      break;
    case 'AWAITING_CONFIRMATION':
      step = html`<p>${t('loginId.confirm', { newLoginId: inFlight.newLoginId ?? '' })}</p>${stepForm(ctx, 'confirm', html``, t('common.next'))}`;
      break;
    default: {
      const account = await fetchAccount(ctx);
      step = html`<p>${t('loginId.intro')}</p>${accountFacts(t, account, ['memberType', 'loginId'])}${stepForm(
        ctx,
        'start',
        html`<input type="text" name="username" value="${account.loginId}" autocomplete="username" hidden>
        ${field({ name: 'currentPassword', label: t('field.currentPassword'), type: 'password', refusal, autocomplete: 'current-password', required: true })}
        ${field({ name: 'mobilePhone', label: t('field.mobilePhone'), type: 'tel', value: values.mobilePhone, refusal, autocomplete: 'tel', required: true })}`,
        t('common.next'),
      )}`;
    }
  }
  ctx.render(
    t('tab.loginId'),
    html`<h1>${t('account.title')}</h1>${accountTabs(t, PATH)}
    <section><h2>${t('tab.loginId')}</h2>${where}${formAlert(refusal, t)}${step}<p class="secondary-actions">${resend}</p>${cancel}</section>`,
    status,
  );
}

type Step = (ctx: PageContext) => Promise<{ status?: string; newLoginId?: string | null } | void>;

/** Posts one step; a refusal shows the page again at the step the change is at, the refusal next to its field. */
function step(run: Step, after?: (ctx: PageContext, answer: { status?: string; newLoginId?: string | null } | void) => void) {
  return async (ctx: PageContext) => {
    try {
      const answer = await run(ctx);
      after?.(ctx, answer);
    } catch (error) {
      if (
        !(error instanceof ApiProblem) ||
        error.code === 'REAUTHENTICATION_REQUIRED' ||
        error.code === 'UNAUTHENTICATED' ||
        error.code === 'SERVICE_UNAVAILABLE'
      )
        throw error;
      const refusal = toRefusal(
        error.problem,
        ctx.t,
        ctx.lang,
        { INVALID_CREDENTIALS: 'currentPassword', ACCOUNT_TEMPORARILY_LOCKED: 'currentPassword' },
        FIELDS,
      );
      if (error.code === 'INVALID_CREDENTIALS') refusal.fields.currentPassword = [ctx.t('error.INVALID_PASSWORD')];
      await loginIdPage(ctx, refusal, { mobilePhone: ctx.field('mobilePhone').trim(), newLoginId: ctx.field('newLoginId').trim() }, error.status);
      return;
    }
    if (!ctx.res.headersSent) ctx.redirect(PATH);
  };
}

const post = (ctx: PageContext, path: string, json?: unknown) =>
  ctx.call<{ status?: string; newLoginId?: string | null }>({ method: 'POST', path: `/me/login-id-change${path}`, json }).then((answer) => answer.body);

export function loginIdRoutes(router: Router, deps: PortalDeps, logger: Logger): void {
  const options = { auth: true, back: PATH };
  router.get(
    PATH,
    page(deps, logger, (ctx) => (sentToGate(ctx) ? undefined : loginIdPage(ctx, NO_REFUSAL, takeDraft(ctx, PATH) ?? {})), { auth: true }),
  );
  router.post(
    PATH + '/start',
    page(
      deps,
      logger,
      step((ctx) => post(ctx, '', { currentPassword: ctx.field('currentPassword'), mobilePhone: ctx.field('mobilePhone').trim() })),
      options,
    ),
  );
  router.post(
    PATH + '/identity-code',
    page(
      deps,
      logger,
      step((ctx) => post(ctx, '/identity-code', { code: ctx.field('code').trim() })),
      options,
    ),
  );
  router.post(
    PATH + '/new-login-id',
    page(
      deps,
      logger,
      step((ctx) => post(ctx, '/new-login-id', { newLoginId: ctx.field('newLoginId').trim() })),
      options,
    ),
  );
  router.post(
    PATH + '/email-code',
    page(
      deps,
      logger,
      step((ctx) => post(ctx, '/email-code', { code: ctx.field('code').trim() })),
      options,
    ),
  );
  router.post(
    PATH + '/confirm',
    page(
      deps,
      logger,
      step(
        (ctx) => post(ctx, '/confirm'),
        (ctx, answer) => {
          const loginId = answer && answer.status === 'COMPLETED' ? answer.newLoginId : null;
          if (loginId && ctx.auth) {
            ctx.session.auth = { ...ctx.auth, loginId };
            ctx.flash('status', 'loginId.completed', { loginId });
          }
        },
      ),
      options,
    ),
  );
  router.post(
    PATH + '/resend',
    page(
      deps,
      logger,
      step(
        (ctx) => post(ctx, '/resend-code'),
        (ctx) => ctx.flash('status', 'loginId.resent'),
      ),
      options,
    ),
  );
  router.post(
    PATH + '/cancel',
    page(
      deps,
      logger,
      step(
        async (ctx) => {
          await ctx.call({ method: 'DELETE', path: '/me/login-id-change' });
        },
        (ctx) => ctx.flash('status', 'loginId.cancelled'),
      ),
      options,
    ),
  );
}
