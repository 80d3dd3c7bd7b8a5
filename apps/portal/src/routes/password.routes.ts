import type { Router } from 'express';
import type { Logger } from 'pino';
import { ApiProblem } from '../api/api-problem.js';
import type { PageContext, PortalDeps } from '../page-context.js';
import { field, formAlert } from '../pages/form.js';
import { html } from '../pages/html.js';
import { csrfField } from '../pages/layout.js';
import { NO_REFUSAL, toRefusal, type Refusal } from '../pages/refusal.js';
import { page } from '../routing.js';
import { accountTabs } from './account-view.js';
import { sentToGate } from './gate.js';

const PATH = '/my/account/password';
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirmation'];

function passwordForm(ctx: PageContext, refusal: Refusal, status = 200): void {
  const t = ctx.t;
  ctx.render(
    t('tab.password'),
    html`<h1>${t('account.title')}</h1>${accountTabs(t, PATH)}
    <section><h2>${t('tab.password')}</h2><p>${t('password.intro')}</p><p class="hint">${t('password.history')}</p>${formAlert(refusal, t)}
    <form method="post" action="${PATH}" class="stack narrow">${csrfField(ctx.session.csrf)}
      <input type="text" name="username" value="${ctx.auth?.loginId ?? ''}" autocomplete="username" hidden>
      ${field({ name: 'currentPassword', label: t('field.currentPassword'), type: 'password', refusal, autocomplete: 'current-password', required: true })}
      ${field({ name: 'newPassword', label: t('field.newPassword'), type: 'password', refusal, autocomplete: 'new-password', required: true, maxlength: 16 })}
      ${field({ name: 'newPasswordConfirmation', label: t('field.newPasswordConfirmation'), type: 'password', refusal, autocomplete: 'new-password', required: true, maxlength: 16 })}
      <button type="submit">${t('common.ok')}</button>
    </form></section>`,
    status,
  );
}

async function changePassword(ctx: PageContext): Promise<void> {
  try {
    await ctx.call({
      method: 'PUT',
      path: '/me/password',
      json: {
        currentPassword: ctx.field('currentPassword'),
        newPassword: ctx.field('newPassword'),
        newPasswordConfirmation: ctx.field('newPasswordConfirmation'),
      },
    });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code === 'REAUTHENTICATION_REQUIRED' || error.code === 'UNAUTHENTICATED') throw error;
    const refusal = toRefusal(
      error.problem,
      ctx.t,
      ctx.lang,
      { INVALID_CREDENTIALS: 'currentPassword', ACCOUNT_TEMPORARILY_LOCKED: 'currentPassword' },
      FIELDS,
    );
    if (error.code === 'INVALID_CREDENTIALS') refusal.fields.currentPassword = [ctx.t('error.INVALID_PASSWORD')];
    passwordForm(ctx, refusal, error.status);
    return;
  }
  ctx.flash('status', 'password.done');
  ctx.redirect(PATH);
}

export function passwordRoutes(router: Router, deps: PortalDeps, logger: Logger): void {
  router.get(
    PATH,
    page(deps, logger, (ctx) => (sentToGate(ctx) ? undefined : passwordForm(ctx, NO_REFUSAL)), { auth: true }),
  );
  router.post(PATH, page(deps, logger, changePassword, { auth: true, back: PATH }));
  // The well-known URL password managers open (W3C "change-password-url").
  router.get('/.well-known/change-password', (_req, res) => res.redirect(302, PATH));
}
