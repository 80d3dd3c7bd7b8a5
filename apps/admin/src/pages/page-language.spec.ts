import { pageLanguageOf, safeReturnPath } from './page-language.js';

describe('page language', () => {
  it('reads the remembered choice, English otherwise', () => {
    expect(pageLanguageOf({ headers: { cookie: 'admin_lang=ko' } })).toBe('ko');
    expect(pageLanguageOf({ headers: { cookie: 'admin_lang=ja' } })).toBe('en');
    expect(pageLanguageOf({ headers: {} })).toBe('en');
  });

  it('returns only to a path of this site', () => {
    expect(safeReturnPath('/inbox?status=OPEN')).toBe('/inbox?status=OPEN');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'inbox', '/a b', 42, undefined]) expect(safeReturnPath(bad)).toBe('/');
  });
});
