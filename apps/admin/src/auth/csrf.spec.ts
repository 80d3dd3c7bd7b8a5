import type { CookieOptions, Request, Response } from 'express';
import { DomainError } from '#app/core';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from './cookies.js';
import { assertCsrf, CSRF_COOKIE, csrfTokenMatches, ensureCsrfToken, rotateCsrfToken } from './csrf.js';

interface SetCookie {
  name: string;
  value: string;
  options: CookieOptions;
}

/** A response that records the cookies set on it. */
function fakeResponse() {
  const set: SetCookie[] = [];
  const cleared: SetCookie[] = [];
  const res = {
    locals: {} as Record<string, unknown>,
    cookie: (name: string, value: string, options: CookieOptions) => (set.push({ name, value, options }), res),
    clearCookie: (name: string, options: CookieOptions) => (cleared.push({ name, value: '', options }), res),
  };
  return { res: res as unknown as Response, set, cleared };
}

function fakeRequest(cookie?: string, extra: { body?: unknown; headers?: Record<string, string>; secure?: boolean } = {}) {
  return { headers: { ...(cookie ? { cookie } : {}), ...extra.headers }, body: extra.body, secure: extra.secure ?? false } as unknown as Request;
}

const TOKEN = 'A'.repeat(43);

describe('cookies', () => {
  it('reads one cookie among several, decoding it, and nothing from a missing header', () => {
    const req = fakeRequest(`theme=dark; ${SESSION_COOKIE}=abc%2Ddef; other=1`);
    expect(readCookie(req, SESSION_COOKIE)).toBe('abc-def');
    expect(readCookie(req, 'admin')).toBeUndefined();
    expect(readCookie(fakeRequest(), SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(fakeRequest(`${SESSION_COOKIE}=%E0%A4%A`), SESSION_COOKIE)).toBeUndefined();
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, whole-site, Secure only over https', () => {
    const expires = new Date('2030-01-01T00:00:00Z');
    const plain = fakeResponse();
    setSessionCookie(fakeRequest(), plain.res, 'token', expires);
    expect(plain.set).toEqual([{ name: SESSION_COOKIE, value: 'token', options: { httpOnly: true, sameSite: 'strict', secure: false, path: '/', expires } }]);
    const tls = fakeResponse();
    setSessionCookie(fakeRequest(undefined, { secure: true }), tls.res, 'token', expires);
    expect(tls.set[0].options.secure).toBe(true);
  });

  it('clears the session cookie with the same attributes', () => {
    const { res, cleared } = fakeResponse();
    clearSessionCookie(fakeRequest(undefined, { secure: true }), res);
    expect(cleared).toEqual([{ name: SESSION_COOKIE, value: '', options: { httpOnly: true, sameSite: 'strict', secure: true, path: '/' } }]);
  });
});

describe('CSRF double-submit token', () => {
  it('issues a random token and its cookie when the browser has none, then keeps returning it in the same request', () => {
    const { res, set } = fakeResponse();
    const req = fakeRequest();
    const token = ensureCsrfToken(req, res);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(set).toEqual([{ name: CSRF_COOKIE, value: token, options: expect.objectContaining({ httpOnly: true, sameSite: 'strict', path: '/' }) }]);
    expect(ensureCsrfToken(req, res)).toBe(token);
    expect(set).toHaveLength(1);
    expect(ensureCsrfToken(fakeRequest(), fakeResponse().res)).not.toBe(token);
  });

  it("reuses the browser's well-formed token and replaces a malformed one", () => {
    const kept = fakeResponse();
    expect(ensureCsrfToken(fakeRequest(`${CSRF_COOKIE}=${TOKEN}`), kept.res)).toBe(TOKEN);
    expect(kept.set).toHaveLength(0);
    const replaced = fakeResponse();
    expect(ensureCsrfToken(fakeRequest(`${CSRF_COOKIE}=short`), replaced.res)).not.toBe('short');
    expect(replaced.set).toHaveLength(1);
  });

  it('rotation gives a new token that later rendering in the request uses', () => {
    const { res } = fakeResponse();
    const req = fakeRequest(`${CSRF_COOKIE}=${TOKEN}`);
    const rotated = rotateCsrfToken(req, res);
    expect(rotated).not.toBe(TOKEN);
    expect(ensureCsrfToken(req, res)).toBe(rotated);
  });

  it.each([
    ['the form field', { body: { _csrf: TOKEN } }, true],
    ['the header', { headers: { 'x-csrf-token': TOKEN } }, true],
    ['a different token', { body: { _csrf: 'B'.repeat(43) } }, false],
    ['a prefix of the token', { body: { _csrf: TOKEN.slice(0, 42) } }, false],
    ['nothing', {}, false],
    ['a non-string field', { body: { _csrf: [TOKEN] } }, false],
  ])('accepts only the cookie token: %s → %s', (_case, extra, accepted) => {
    expect(csrfTokenMatches(fakeRequest(`${CSRF_COOKIE}=${TOKEN}`, extra))).toBe(accepted);
  });

  it('refuses a submitted token when the browser sent no CSRF cookie', () => {
    expect(csrfTokenMatches(fakeRequest(undefined, { body: { _csrf: TOKEN } }))).toBe(false);
  });

  it('assertCsrf throws FORBIDDEN with reason CSRF', () => {
    let refusal: unknown;
    try {
      assertCsrf(fakeRequest(`${CSRF_COOKIE}=${TOKEN}`, { body: {} }));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('FORBIDDEN');
    expect((refusal as DomainError).details).toEqual({ reason: 'CSRF' });
    expect(() => assertCsrf(fakeRequest(`${CSRF_COOKIE}=${TOKEN}`, { body: { _csrf: TOKEN } }))).not.toThrow();
  });
});
