import type { Request, Response } from 'express';
import { cookieOptions, readCookie } from '../auth/cookies.js';

/** The admin pages' languages: the reviewer's choice, remembered in a cookie (reviewer accounts have no language column). */
export const PAGE_LANGUAGES = ['ko', 'en'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export const LANGUAGE_COOKIE = 'admin_lang';
// Until a reviewer chooses, the pages stay in English, as they were before the switch existed.
export const DEFAULT_PAGE_LANGUAGE: PageLanguage = 'en';
const ONE_YEAR_MS = 365 * 86_400_000;

export function isPageLanguage(value: unknown): value is PageLanguage {
  return typeof value === 'string' && (PAGE_LANGUAGES as readonly string[]).includes(value);
}

/** The language the request's pages are shown in. */
export function pageLanguageOf(req: Pick<Request, 'headers'>): PageLanguage {
  const chosen = readCookie(req, LANGUAGE_COOKIE);
  return isPageLanguage(chosen) ? chosen : DEFAULT_PAGE_LANGUAGE;
}

export function rememberPageLanguage(req: Pick<Request, 'secure'>, res: Pick<Response, 'cookie'>, language: PageLanguage): void {
  res.cookie(LANGUAGE_COOKIE, language, cookieOptions(req, new Date(Date.now() + ONE_YEAR_MS)));
}

/** A same-site path to return to after switching (anything else goes home). */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/';
}
