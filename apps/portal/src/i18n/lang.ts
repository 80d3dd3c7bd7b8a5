export const LANGS = ['ko', 'en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The first of ko, en, ja that the browser's Accept-Language names; Korean otherwise. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  for (const part of (header ?? '').split(',')) {
    const primary = part.split(';')[0].trim().slice(0, 2).toLowerCase();
    if (isLang(primary)) return primary;
  }
  return 'ko';
}

export const LANG_NAMES: Readonly<Record<Lang, string>> = { ko: '한국어', en: 'English', ja: '日本語' };
