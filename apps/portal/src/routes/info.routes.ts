import type { Router } from 'express';
import type { Logger } from 'pino';
import { ApiProblem } from '../api/api-problem.js';
import { LANG_NAMES, LANGS } from '../i18n/lang.js';
import type { PageContext, PortalDeps } from '../page-context.js';
import { field, formAlert } from '../pages/form.js';
import { html } from '../pages/html.js';
import { csrfField } from '../pages/layout.js';
import { NO_REFUSAL, toRefusal, type Refusal } from '../pages/refusal.js';
import { page } from '../routing.js';
import { accountFacts, accountTabs, fetchAccount, type AccountView } from './account-view.js';
import { sentToGate } from './gate.js';
import { ADDRESS_FIELDS, addressOf, formValues, takeDraft, type FormValues } from './values.js';

const PATH = '/my/account/info';
const FIELDS = ['language', 'serviceArea', 'billingEmail', ...ADDRESS_FIELDS];

function valuesOf(account: AccountView): FormValues {
  return {
    language: account.language,
    serviceArea: account.serviceArea,
    billingEmail: account.billingEmail,
    'address.country': account.address?.country ?? '',
    'address.postalCode': account.address?.postalCode ?? '',
    'address.line1': account.address?.line1 ?? '',
    'address.line2': account.address?.line2 ?? '',
  };
}

interface InfoPageOptions {
  readonly values?: FormValues;
  readonly refusal?: Refusal;
  readonly mobileRefusal?: Refusal;
  readonly mobileValue?: string;
  /** The values saved meanwhile by someone else (a 412), shown next to the member's own. */
  readonly conflict?: FormValues;
  readonly status?: number;
}

async function infoPage(ctx: PageContext, options: InfoPageOptions = {}): Promise<void> {
  const t = ctx.t;
  const account = await fetchAccount(ctx);
  const saved = valuesOf(account);
  const draft = options.values ? undefined : takeDraft(ctx, PATH);
  const values = options.values ?? draft ?? saved;
  const refusal = options.refusal ?? NO_REFUSAL;
  const mobileRefusal = options.mobileRefusal ?? NO_REFUSAL;
  // A form kept across the password gate was read at an older version: if the account changed since, say so, as a 412 would.
  const conflict = options.conflict ?? (draft && draft.version && draft.version !== String(account.version) ? saved : undefined);
  const note = (name: string) =>
    conflict && conflict[name] !== values[name] ? t('info.savedValue', { value: conflict[name] || t('common.none') }) : undefined;
  const pending = ctx.session.pendingMobilePhone;
  const mobile = pending
    ? html`<p>${t('info.mobileSent', { mobilePhone: pending })}</p>
      <form method="post" action="${PATH}/mobile-phone/confirm" class="stack narrow">${csrfField(ctx.session.csrf)}
        ${field({ name: 'code', label: t('field.code'), refusal: mobileRefusal, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 })}
        <button type="submit">${t('common.ok')}</button></form>
      <form method="post" action="${PATH}/mobile-phone" class="inline">${csrfField(ctx.session.csrf)}<input type="hidden" name="mobilePhone" value="${pending}"><button type="submit" class="secondary">${t('loginId.resend')}</button></form>
      <form method="post" action="${PATH}/mobile-phone/cancel" class="inline">${csrfField(ctx.session.csrf)}<button type="submit" class="secondary">${t('common.cancel')}</button></form>`
    : html`<form method="post" action="${PATH}/mobile-phone" class="stack narrow">${csrfField(ctx.session.csrf)}
        ${field({ name: 'mobilePhone', label: t('field.mobilePhone'), type: 'tel', value: options.mobileValue ?? account.mobilePhone, refusal: mobileRefusal, autocomplete: 'tel', required: true })}
        <button type="submit">${t('info.mobileSend')}</button></form>`;
  ctx.render(
    t('tab.info'),
    html`<h1>${t('account.title')}</h1>${accountTabs(t, PATH)}
    <section><h2>${t('tab.info')}</h2><p>${t('info.intro')}</p>${accountFacts(t, account, ['memberType', 'loginId', 'name'])}
    ${conflict ? html`<div class="alert" role="alert"><p>${t('info.conflict')}</p></div>` : formAlert(refusal, t)}
    <form method="post" action="${PATH}" class="stack" novalidate>${csrfField(ctx.session.csrf)}
      <input type="hidden" name="version" value="${account.version}">
      ${field({ name: 'language', label: t('field.language'), value: values.language, refusal, options: LANGS.map((code) => ({ value: code, label: LANG_NAMES[code] })), note: note('language') })}
      <fieldset><legend>${t('field.address')}</legend>
        ${ADDRESS_FIELDS.map((name) => field({ name, label: t(`field.${name}` as never), value: values[name], refusal, note: note(name) }))}
      </fieldset>
      ${field({ name: 'billingEmail', label: t('field.billingEmail'), type: 'email', value: values.billingEmail, refusal, required: true, note: note('billingEmail') })}
      ${field({ name: 'serviceArea', label: t('field.serviceArea'), value: values.serviceArea, refusal, options: ctx.deps.serviceAreas.map((area) => ({ value: area, label: area })), note: note('serviceArea') })}
      <button type="submit">${t('common.ok')}</button>
    </form></section>
    <section><h2>${t('info.mobileTitle')}</h2>${mobile}</section>`,
    options.status ?? 200,
  );
}

async function saveInfo(ctx: PageContext): Promise<void> {
  const values = formValues(ctx, FIELDS);
  const body: Record<string, unknown> = { language: values.language, billingEmail: values.billingEmail, serviceArea: values.serviceArea };
  const address = addressOf(values);
  if (address) body.address = address;
  const version = ctx.field('version');
  try {
    await ctx.call({ method: 'PATCH', path: '/me/account', json: body, headers: { 'if-match': `"${/^\d+$/.test(version) ? version : '0'}"` } });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code === 'REAUTHENTICATION_REQUIRED' || error.code === 'UNAUTHENTICATED') throw error;
    if (error.code === 'VERSION_CONFLICT') {
      // Nothing the member typed is lost: their values stay in the form, the saved ones beside them, the new version in the hidden field.
      const current = valuesOf(await fetchAccount(ctx));
      return infoPage(ctx, { values, conflict: current, status: 412 });
    }
    return infoPage(ctx, { values, refusal: toRefusal(error.problem, ctx.t, ctx.lang, {}, FIELDS), status: error.status });
  }
  ctx.setLang(values.language);
  ctx.flash('status', 'info.saved');
  ctx.redirect(PATH);
}

async function sendMobileCode(ctx: PageContext): Promise<void> {
  const mobilePhone = ctx.field('mobilePhone').trim();
  try {
    await ctx.call({ method: 'POST', path: '/me/mobile-phone-change', json: { mobilePhone } });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code === 'REAUTHENTICATION_REQUIRED' || error.code === 'UNAUTHENTICATED') throw error;
    return infoPage(ctx, {
      mobileValue: mobilePhone,
      mobileRefusal: toRefusal(error.problem, ctx.t, ctx.lang, { TOO_MANY_REQUESTS: 'mobilePhone' }, ['mobilePhone']),
      status: error.status,
    });
  }
  ctx.session.pendingMobilePhone = mobilePhone;
  ctx.changed();
  ctx.redirect(`${PATH}#mobile`);
}

async function confirmMobileCode(ctx: PageContext): Promise<void> {
  try {
    await ctx.call({ method: 'POST', path: '/me/mobile-phone-change/confirm', json: { code: ctx.field('code').trim() } });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code === 'REAUTHENTICATION_REQUIRED' || error.code === 'UNAUTHENTICATED') throw error;
    if (error.code === 'TOO_MANY_ATTEMPTS' || error.code === 'INVALID_STATE' || error.code === 'NOT_FOUND') {
      delete ctx.session.pendingMobilePhone;
      ctx.changed();
    }
    return infoPage(ctx, {
      mobileRefusal: toRefusal(error.problem, ctx.t, ctx.lang, { TOO_MANY_ATTEMPTS: 'code' }, ['code', 'mobilePhone']),
      status: error.status,
    });
  }
  delete ctx.session.pendingMobilePhone;
  ctx.flash('status', 'info.mobileDone');
  ctx.redirect(PATH);
}

export function infoRoutes(router: Router, deps: PortalDeps, logger: Logger): void {
  const options = { auth: true, back: PATH };
  router.get(
    PATH,
    page(deps, logger, (ctx) => (sentToGate(ctx) ? undefined : infoPage(ctx)), { auth: true }),
  );
  router.post(PATH, page(deps, logger, saveInfo, options));
  router.post(PATH + '/mobile-phone', page(deps, logger, sendMobileCode, options));
  router.post(PATH + '/mobile-phone/confirm', page(deps, logger, confirmMobileCode, options));
  router.post(
    PATH + '/mobile-phone/cancel',
    page(
      deps,
      logger,
      (ctx) => {
        delete ctx.session.pendingMobilePhone;
        ctx.changed();
        ctx.redirect(PATH);
      },
      options,
    ),
  );
}
