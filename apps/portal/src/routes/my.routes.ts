import type { Router } from 'express';
import type { Logger } from 'pino';
import { ApiProblem } from '../api/api-problem.js';
import { safeNext, type PageContext, type PortalDeps } from '../page-context.js';
import { field, formAlert } from '../pages/form.js';
import { html } from '../pages/html.js';
import { csrfField } from '../pages/layout.js';
import { formatDateTime, NO_REFUSAL, toRefusal, type Refusal } from '../pages/refusal.js';
import { page } from '../routing.js';
import { accountFacts, accountTabs, fetchAccount } from './account-view.js';
import { isPrivileged } from './gate.js';

function myPage(ctx: PageContext): void {
  const t = ctx.t;
  const auth = ctx.requireAuth();
  ctx.render(
    t('my.title'),
    html`<h1>${t('my.title')}</h1><p>${t('my.signedInAs', { loginId: auth.loginId })}</p>
    <ul class="cards">
      <li><a href="/my/account">${t('nav.manageAccount')}</a><p>${t('my.manageIntro')}</p></li>
      <li><a href="/my/sessions">${t('nav.sessions')}</a></li>
      <li><a href="/support">${t('nav.contact')}</a></li>
    </ul>`,
  );
}

function gateForm(ctx: PageContext, refusal: Refusal, status = 200): void {
  const t = ctx.t;
  const next = safeNext(ctx.req.query.next ?? ctx.field('next'), '/my/account');
  ctx.render(
    t('gate.title'),
    html`<h1>${t('gate.title')}</h1><p>${t('gate.intro')}</p>${formAlert(refusal, t)}
    <form method="post" action="/my/account" class="stack narrow">${csrfField(ctx.session.csrf)}
      <input type="hidden" name="next" value="${next}">
      <input type="text" name="username" value="${ctx.auth?.loginId ?? ''}" autocomplete="username" hidden>
      ${field({ name: 'password', label: t('field.currentPassword'), type: 'password', refusal, autocomplete: 'current-password', required: true })}
      <button type="submit">${t('common.ok')}</button>
    </form>`,
    status,
  );
}

async function manageAccount(ctx: PageContext): Promise<void> {
  if (!isPrivileged(ctx)) return gateForm(ctx, NO_REFUSAL);
  const t = ctx.t;
  const account = await fetchAccount(ctx);
  ctx.setLang(account.language);
  ctx.render(
    t('account.title'),
    html`<h1>${t('account.title')}</h1>${accountTabs(ctx.t, null)}
    <section><h2>${t('account.summary')}</h2>${accountFacts(ctx.t, account, ['memberType', 'loginId', 'name', 'businessName', 'businessRegistrationNumber', 'mobilePhone'])}</section>`,
  );
}

async function reauthenticate(ctx: PageContext): Promise<void> {
  const auth = ctx.requireAuth();
  try {
    const { body } = await ctx.call<{ privilegedUntil: string }>({ method: 'POST', path: '/auth/reauthenticate', json: { password: ctx.field('password') } });
    auth.privilegedUntil = body.privilegedUntil;
    ctx.changed();
    ctx.redirect(safeNext(ctx.field('next'), '/my/account'));
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    gateForm(
      ctx,
      toRefusal(error.problem, ctx.t, ctx.lang, { INVALID_CREDENTIALS: 'password', ACCOUNT_TEMPORARILY_LOCKED: 'password' }, ['password']),
      error.status,
    );
  }
}

interface SessionRow {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  clientIp: string | null;
  userAgent: string | null;
}

async function sessions(ctx: PageContext): Promise<void> {
  const t = ctx.t;
  const { body } = await ctx.call<SessionRow[]>({ method: 'GET', path: '/me/sessions' });
  const rows = body.map(
    (session) => html`<tr data-session="${session.id}">
      <td>${session.current ? html`<strong>${t('sessions.current')}</strong>` : (session.userAgent ?? '').slice(0, 80)}</td>
      <td>${formatDateTime(session.createdAt, ctx.lang)}</td><td>${formatDateTime(session.lastUsedAt, ctx.lang)}</td><td>${session.clientIp ?? t('common.none')}</td>
      <td>${session.current ? null : html`<form method="post" action="/my/sessions/${session.id}/revoke" class="inline">${csrfField(ctx.session.csrf)}<button type="submit" class="secondary">${t('sessions.revoke')}</button></form>`}</td>
    </tr>`,
  );
  ctx.render(
    t('sessions.title'),
    html`<h1>${t('sessions.title')}</h1>
    <table class="list"><thead><tr><th></th><th>${t('sessions.started')}</th><th>${t('sessions.lastUsed')}</th><th>${t('sessions.from')}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

async function revokeSession(ctx: PageContext): Promise<void> {
  const id = String(ctx.req.params.id);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return ctx.redirect('/my/sessions');
  await ctx.call({ method: 'DELETE', path: `/me/sessions/${id}` });
  ctx.flash('status', 'sessions.revoked');
  ctx.redirect('/my/sessions');
}

export function myRoutes(router: Router, deps: PortalDeps, logger: Logger): void {
  router.get('/my', page(deps, logger, myPage, { auth: true }));
  router.get('/my/account', page(deps, logger, manageAccount, { auth: true }));
  router.post('/my/account', page(deps, logger, reauthenticate, { auth: true, back: (ctx) => safeNext(ctx.field('next'), '/my/account') }));
  router.get('/my/sessions', page(deps, logger, sessions, { auth: true }));
  router.post('/my/sessions/:id/revoke', page(deps, logger, revokeSession, { auth: true, back: '/my/sessions' }));
}
