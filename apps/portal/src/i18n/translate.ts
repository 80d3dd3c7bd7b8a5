import type { Lang } from './lang.js';
import { MESSAGES, type MessageKey } from './messages.js';

const COLUMN: Readonly<Record<Lang, 0 | 1 | 2>> = { en: 0, ko: 1, ja: 2 };

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

/** The catalogue in one language; `{name}` parameters filled in (the result is text: pages escape it). */
export function translator(lang: Lang): Translate {
  return (key, params) => {
    const text: string = MESSAGES[key][COLUMN[lang]];
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  };
}
