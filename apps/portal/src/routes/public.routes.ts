import type { Router } from 'express';
import type { Logger } from 'pino';
import { ApiProblem } from '../api/api-problem.js';
import { LANGS } from '../i18n/lang.js';
import { safeNext, type PageContext, type PortalDeps } from '../page-context.js';
import { field, formAlert } from '../pages/form.js';
import { html } from '../pages/html.js';
import { csrfField } from '../pages/layout.js';
import { NO_REFUSAL, toRefusal, type Refusal } from '../pages/refusal.js';
import { newCsrfToken } from '../session/portal-session.js';
import { page } from '../routing.js';
import { ADDRESS_FIELDS, addressOf, formValues, MEMBER_TYPES, type FormValues } from './values.js';

const SIGN_UP_FIELDS = [
  'loginId',
  'name',
  'memberType',
  'mobilePhone',
  'language',
  'serviceArea',
  'billingEmail',
  ...ADDRESS_FIELDS,
  'businessName',
  'businessRegistrationNumber',
  'password',
];

function landing(ctx: PageContext): void {
  const t = ctx.t;
  ctx.render(
    t('landing.title'),
    html`<section class="landing"><h1>${t('landing.title')}</h1><p>${t('landing.intro')}</p>
      <p class="actions">${ctx.auth ? html`<a class="button-link" href="/my">${t('nav.my')}</a>` : html`<a class="button-link" href="/login">${t('nav.login')}</a> <a href="/signup">${t('nav.signup')}</a>`}</p>
      <p><a href="/password-reset">${t('landing.forgot')}</a></p></section>`,
  );
}

function signUpForm(ctx: PageContext, values: FormValues, refusal: Refusal, status = 200): void {
  const t = ctx.t;
  const options = (list: readonly string[], prefix?: string) => list.map((value) => ({ value, label: prefix ? t(`${prefix}.${value}` as never) : value }));
  ctx.render(
    t('signup.title'),
    html`<h1>${t('signup.title')}</h1>${formAlert(refusal, t)}
    <form method="post" action="/signup" class="stack" novalidate>${csrfField(ctx.session.csrf)}
      ${field({ name: 'loginId', label: t('field.loginId'), type: 'email', value: values.loginId, refusal, autocomplete: 'username', required: true })}
      ${field({ name: 'password', label: t('field.password'), type: 'password', refusal, autocomplete: 'new-password', required: true, hint: t('password.intro') })}
      ${field({ name: 'name', label: t('field.name'), value: values.name, refusal, autocomplete: 'name', required: true })}
      ${field({ name: 'memberType', label: t('field.memberType'), value: values.memberType || 'PERSONAL', refusal, options: options(MEMBER_TYPES, 'memberType') })}
      ${field({ name: 'businessName', label: `${t('field.businessName')} (${t('signup.businessOnly')})`, value: values.businessName, refusal })}
      ${field({ name: 'businessRegistrationNumber', label: `${t('field.businessRegistrationNumber')} (${t('signup.businessOnly')})`, value: values.businessRegistrationNumber, refusal })}
      ${field({ name: 'mobilePhone', label: t('field.mobilePhone'), type: 'tel', value: values.mobilePhone, refusal, autocomplete: 'tel', required: true })}
      ${field({ name: 'language', label: t('field.language'), value: values.language || ctx.lang, refusal, options: LANGS.map((code) => ({ value: code, label: code })) })}
      ${field({ name: 'serviceArea', label: t('field.serviceArea'), value: values.serviceArea, refusal, options: options(ctx.deps.serviceAreas) })}
      ${field({ name: 'billingEmail', label: t('field.billingEmail'), type: 'email', value: values.billingEmail, refusal, required: true })}
      <fieldset><legend>${t('field.address')} (${t('common.optional')})</legend>
        ${ADDRESS_FIELDS.map((name) => field({ name, label: t(`field.${name}` as never), value: values[name], refusal }))}
      </fieldset>
      <button type="submit">${t('signup.submit')}</button>
    </form>`,
    status,
  );
}

async function signUp(ctx: PageContext): Promise<void> {
  const values = formValues(ctx, SIGN_UP_FIELDS);
  const body: Record<string, unknown> = {
    loginId: values.loginId,
    password: ctx.field('password'),
    name: values.name,
    memberType: values.memberType,
    mobilePhone: values.mobilePhone,
    language: values.language,
    serviceArea: values.serviceArea,
    billingEmail: values.billingEmail,
  };
  const address = addressOf(values);
  if (address) body.address = address;
  if (values.businessName) body.businessName = values.businessName;
  if (values.businessRegistrationNumber) body.businessRegistrationNumber = values.businessRegistrationNumber;
  try {
    await ctx.call({ method: 'POST', path: '/members', json: body });
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    const refusal = toRefusal(error.problem, ctx.t, ctx.lang, { PASSWORD_POLICY_VIOLATION: 'password', LOGIN_ID_TAKEN: 'loginId' }, SIGN_UP_FIELDS);
    signUpForm(ctx, { ...values, password: '' }, refusal, 422);
    return;
  }
  ctx.setLang(values.language);
  ctx.flash('status', 'signup.done');
  ctx.redirect(`/login?loginId=${encodeURIComponent(values.loginId)}`);
}

function loginForm(ctx: PageContext, loginId: string, refusal: Refusal, resetRequired = false, status = 200): void {
  const t = ctx.t;
  const next = safeNext(ctx.req.query.next ?? ctx.field('next'), '/my');
  ctx.render(
    t('login.title'),
    html`<h1>${t('login.title')}</h1>
    ${resetRequired ? html`<div class="alert" role="alert"><p>${t('login.resetRequired')} <a href="/password-reset">${t('login.resetLink')}</a></p></div>` : formAlert(refusal, t)}
    <form method="post" action="/login" class="stack narrow">${csrfField(ctx.session.csrf)}
      <input type="hidden" name="next" value="${next}">
      ${field({ name: 'loginId', label: t('field.loginId'), type: 'email', value: loginId, refusal, autocomplete: 'username', required: true })}
      ${field({ name: 'password', label: t('field.password'), type: 'password', refusal, autocomplete: 'current-password', required: true })}
      <button type="submit">${t('login.submit')}</button>
    </form>
    <p><a href="/password-reset">${t('landing.forgot')}</a> · <a href="/signup">${t('nav.signup')}</a></p>`,
    status,
  );
}

interface LoginAnswer {
  accessToken: string;
  expiresAt: string;
  sessionId: string;
}

async function logIn(ctx: PageContext): Promise<void> {
  const loginId = ctx.field('loginId').trim();
  try {
    const { body } = await ctx.call<LoginAnswer>({ method: 'POST', path: '/auth/login', json: { loginId, password: ctx.field('password') } });
    // A new session and a new CSRF token: nothing planted before sign-in survives it.
    ctx.session.auth = { token: body.accessToken, sessionId: body.sessionId, expiresAt: body.expiresAt, loginId: loginId.toLowerCase() };
    ctx.session.csrf = newCsrfToken();
    delete ctx.session.draft;
    ctx.changed();
    ctx.redirect(safeNext(ctx.field('next'), '/my'));
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    if (error.code === 'PASSWORD_RESET_REQUIRED') return loginForm(ctx, loginId, NO_REFUSAL, true, 403);
    const refusal = toRefusal(error.problem, ctx.t, ctx.lang, { INVALID_CREDENTIALS: 'password', ACCOUNT_TEMPORARILY_LOCKED: 'password' }, [
      'loginId',
      'password',
    ]);
    loginForm(ctx, loginId, refusal, false, error.status);
  }
}

async function logOut(ctx: PageContext): Promise<void> {
  if (ctx.auth) {
    try {
      await ctx.call({ method: 'POST', path: '/auth/logout' });
    } catch (error) {
      // An ended session is what signing out wants anyway.
      if (!(error instanceof ApiProblem && error.code === 'UNAUTHENTICATED')) throw error;
    }
  }
  delete ctx.session.auth;
  delete ctx.session.draft;
  delete ctx.session.pendingMobilePhone;
  ctx.session.csrf = newCsrfToken();
  ctx.flash('status', 'logout.done');
  ctx.redirect('/');
}

export function publicRoutes(router: Router, deps: PortalDeps, logger: Logger): void {
  router.get('/', page(deps, logger, landing));
  router.get(
    '/language',
    page(deps, logger, (ctx) => {
      ctx.setLang(ctx.req.query.lang);
      ctx.redirect(safeNext(ctx.req.query.next, '/'));
    }),
  );
  router.get(
    '/signup',
    page(deps, logger, (ctx) => signUpForm(ctx, {}, NO_REFUSAL)),
  );
  router.post('/signup', page(deps, logger, signUp));
  router.get(
    '/login',
    page(deps, logger, (ctx) => loginForm(ctx, typeof ctx.req.query.loginId === 'string' ? ctx.req.query.loginId : '', NO_REFUSAL)),
  );
  router.post('/login', page(deps, logger, logIn));
  router.post('/logout', page(deps, logger, logOut));
}
