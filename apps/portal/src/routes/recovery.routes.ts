import type { Router } from 'express';
import type { Logger } from 'pino';
import { ApiProblem } from '../api/api-problem.js';
import type { PageContext, PortalDeps } from '../page-context.js';
import { field, formAlert } from '../pages/form.js';
import { html } from '../pages/html.js';
import { csrfField } from '../pages/layout.js';
import { codeMessage, NO_REFUSAL, toRefusal, type Refusal } from '../pages/refusal.js';
import { page } from '../routing.js';

const RESET = '/password-reset';
const REVERT = '/login-id-change-reverts';
// The shape of the tokens the API sends (base64url); anything else is not kept.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,200}$/;

/**
 * A token in the URL leaves it at once: it moves into the sealed session cookie and the browser is
 * sent to the same page without it (so it is not in history, bookmarks, logs or a Referer).
 */
function tokenOutOfUrl(ctx: PageContext, kind: 'resetToken' | 'revertToken', path: string): boolean {
  const token = ctx.req.query.token;
  if (token === undefined) return false;
  if (typeof token === 'string' && TOKEN_SHAPE.test(token)) ctx.session[kind] = token;
  else delete ctx.session[kind];
  ctx.changed();
  ctx.redirect(path);
  return true;
}

function askForm(ctx: PageContext, loginId: string, refusal: Refusal, status = 200): void {
  const t = ctx.t;
  ctx.render(
    t('reset.title'),
    html`<h1>${t('reset.title')}</h1><p>${t('reset.intro')}</p>${formAlert(refusal, t)}
    <form method="post" action="${RESET}" class="stack narrow">${csrfField(ctx.session.csrf)}
      ${field({ name: 'loginId', label: t('field.loginId'), type: 'email', value: loginId, refusal, autocomplete: 'username', required: true })}
      <button type="submit">${t('reset.send')}</button></form>`,
    status,
  );
}

function setForm(ctx: PageContext, refusal: Refusal, status = 200): void {
  const t = ctx.t;
  ctx.render(
    t('reset.setTitle'),
    html`<h1>${t('reset.setTitle')}</h1><p>${t('password.intro')}</p><p class="hint">${t('password.history')}</p>${formAlert(refusal, t)}
    <form method="post" action="${RESET}/new" class="stack narrow">${csrfField(ctx.session.csrf)}
      ${field({ name: 'newPassword', label: t('field.newPassword'), type: 'password', refusal, autocomplete: 'new-password', required: true, maxlength: 16 })}
      ${field({ name: 'newPasswordConfirmation', label: t('field.newPasswordConfirmation'), type: 'password', refusal, autocomplete: 'new-password', required: true, maxlength: 16 })}
      <button type="submit">${t('reset.set')}</button></form>`,
    status,
  );
}

async function askForReset(ctx: PageContext): Promise<void> {
  const loginId = ctx.field('loginId').trim();
  try {
    await ctx.call({ method: 'POST', path: '/auth/password-reset', json: { loginId } });
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    return askForm(ctx, loginId, toRefusal(error.problem, ctx.t, ctx.lang, {}, ['loginId']), error.status);
  }
  ctx.flash('status', 'reset.sent', { loginId });
  ctx.redirect(RESET);
}

async function setNewPassword(ctx: PageContext): Promise<void> {
  const token = ctx.session.resetToken;
  if (!token) return askForm(ctx, '', { fields: {}, general: [ctx.t('reset.noToken')] }, 422);
  try {
    await ctx.call({
      method: 'POST',
      path: '/auth/password-reset/confirm',
      json: { token, newPassword: ctx.field('newPassword'), newPasswordConfirmation: ctx.field('newPasswordConfirmation') },
    });
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    if (error.code === 'RESET_TOKEN_INVALID') {
      delete ctx.session.resetToken;
      ctx.changed();
      return askForm(ctx, '', { fields: {}, general: [codeMessage(error.problem, ctx.t, ctx.lang)] }, error.status);
    }
    return setForm(ctx, toRefusal(error.problem, ctx.t, ctx.lang, {}, ['newPassword', 'newPasswordConfirmation']), error.status);
  }
  delete ctx.session.resetToken;
  // Every session was revoked, this browser's too.
  delete ctx.session.auth;
  ctx.flash('status', 'reset.done');
  ctx.redirect('/login');
}

function revertPage(ctx: PageContext, refusal: Refusal = NO_REFUSAL, status = 200): void {
  const t = ctx.t;
  const token = ctx.session.revertToken;
  ctx.render(
    t('revert.title'),
    html`<h1>${t('revert.title')}</h1>${formAlert(refusal, t)}
    ${
      token
        ? html`<p>${t('revert.what')}</p><p class="hint">${t('revert.nothingYet')}</p>
        <form method="post" action="${REVERT}" class="stack narrow">${csrfField(ctx.session.csrf)}<button type="submit">${t('revert.button')}</button></form>`
        : html`<p>${t('revert.noToken')}</p>`
    }`,
    status,
  );
}

async function revert(ctx: PageContext): Promise<void> {
  const token = ctx.session.revertToken;
  if (!token) return revertPage(ctx, NO_REFUSAL, 422);
  try {
    await ctx.call({ method: 'POST', path: '/login-id-change-reverts', json: { token } });
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    if (error.status === 404 || error.status === 422 || error.code === 'VALIDATION_FAILED') delete ctx.session.revertToken;
    ctx.changed();
    return revertPage(ctx, { fields: {}, general: [codeMessage(error.problem, ctx.t, ctx.lang)] }, error.status);
  }
  delete ctx.session.revertToken;
  delete ctx.session.auth;
  ctx.changed();
  const t = ctx.t;
  ctx.render(
    t('revert.title'),
    html`<h1>${t('revert.title')}</h1><p role="status" class="flash status">${t('revert.done')}</p><p><a href="${RESET}">${t('login.resetLink')}</a></p>`,
  );
}

export function recoveryRoutes(router: Router, deps: PortalDeps, logger: Logger): void {
  router.get(
    RESET,
    page(deps, logger, (ctx) => {
      if (tokenOutOfUrl(ctx, 'resetToken', RESET)) return;
      if (ctx.session.resetToken) return setForm(ctx, NO_REFUSAL);
      askForm(ctx, '', NO_REFUSAL);
    }),
  );
  router.post(RESET, page(deps, logger, askForReset));
  router.post(RESET + '/new', page(deps, logger, setNewPassword));
  router.get(
    REVERT,
    page(deps, logger, (ctx) => {
      if (tokenOutOfUrl(ctx, 'revertToken', REVERT)) return;
      revertPage(ctx);
    }),
  );
  router.post(REVERT, page(deps, logger, revert));
}
