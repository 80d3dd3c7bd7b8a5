import type { PageLanguage } from './page-language.js';

// The wording of the pages around the desk: the layout's brand, sign-in and its refusals, and the
// error page, in both page languages. `{name}` marks a value the page fills in.
const EN = {
  brand: 'Member account changes · Reviewer admin',
  titleSuffix: 'Reviewer admin',
  role_ADMIN: 'ADMIN',
  role_REVIEWER: 'REVIEWER',
  signInTitle: 'Sign in',
  signInHeading: 'Reviewer sign-in',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signInNote: 'Reviewer accounts are created by an operator. Members sign in to the member API, not here.',
  wrongCredentials: 'The email or password is not correct.',
  lockedUntil: 'Too many wrong passwords: sign-in to this account is locked until {until} UTC.',
  lockedAWhile: 'Too many wrong passwords: sign-in to this account is locked for a while.',
  tooManyAttempts: 'Too many sign-in attempts from this computer. Wait a minute and try again.',
  formExpired: 'The sign-in form expired. Please sign in again.',
  enterCredentials: 'Enter your email and password.',
  errorTitle: 'Error {status}',
  notAllowed: 'Not allowed',
  notFound: 'Not found',
  somethingWrong: 'Something went wrong',
  unavailable: 'The admin app could not answer this request. Try again shortly.',
  errorId: 'Error id {id}',
  backToApp: 'Back to the admin app',
  // The error page's explanation by code, where the page words it itself (else the problem's detail).
  error_NOT_FOUND: 'There is nothing at this address, or it is no longer there.',
  error_FORBIDDEN: 'Your account may not do this.',
  error_CSRF: 'The form expired or did not come from this site; reload the page and try again.',
  error_VALIDATION_FAILED: 'The request was not valid; go back and check what you entered.',
  error_TOO_MANY_REQUESTS: 'Too many requests. Wait a minute and try again.',
};

export type AccessTextKey = keyof typeof EN;

const KO: Record<AccessTextKey, string> = {
  brand: '회원 계정 변경 · 심사자 관리',
  titleSuffix: '심사자 관리',
  role_ADMIN: '관리자',
  role_REVIEWER: '심사자',
  signInTitle: '로그인',
  signInHeading: '심사자 로그인',
  email: '이메일',
  password: '비밀번호',
  signIn: '로그인',
  signInNote: '심사자 계정은 운영자가 만듭니다. 회원은 여기가 아니라 회원 API로 로그인합니다.',
  wrongCredentials: '이메일 또는 비밀번호가 올바르지 않습니다.',
  lockedUntil: '비밀번호가 여러 번 틀려 이 계정의 로그인이 {until} UTC까지 잠겼습니다.',
  lockedAWhile: '비밀번호가 여러 번 틀려 이 계정의 로그인이 잠시 잠겼습니다.',
  tooManyAttempts: '이 컴퓨터에서 로그인 시도가 너무 많습니다. 1분 뒤에 다시 시도하세요.',
  formExpired: '로그인 양식이 만료되었습니다. 다시 로그인하세요.',
  enterCredentials: '이메일과 비밀번호를 입력하세요.',
  errorTitle: '오류 {status}',
  notAllowed: '허용되지 않음',
  notFound: '찾을 수 없음',
  somethingWrong: '문제가 발생했습니다',
  unavailable: '관리 앱이 이 요청에 응답하지 못했습니다. 잠시 후 다시 시도하세요.',
  errorId: '오류 ID {id}',
  backToApp: '관리 앱으로 돌아가기',
  error_NOT_FOUND: '이 주소에는 아무것도 없거나 더 이상 없습니다.',
  error_FORBIDDEN: '이 계정으로는 할 수 없는 작업입니다.',
  error_CSRF: '양식이 만료되었거나 이 사이트에서 온 것이 아닙니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  error_VALIDATION_FAILED: '요청이 올바르지 않습니다. 돌아가서 입력한 내용을 확인하세요.',
  error_TOO_MANY_REQUESTS: '요청이 너무 많습니다. 1분 뒤에 다시 시도하세요.',
};

const TEXTS: Readonly<Record<PageLanguage, Record<AccessTextKey, string>>> = { en: EN, ko: KO };

export type AccessText = (key: AccessTextKey, params?: Readonly<Record<string, string | number>>) => string;

/** A `t(key, params)` for the sign-in and error pages and the layout, in one language. */
export function accessTextFor(language: PageLanguage): AccessText {
  return (key, params) => TEXTS[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

export function isAccessTextKey(key: string): key is AccessTextKey {
  return Object.hasOwn(EN, key);
}
