import { INQUIRY_BODY_PATTERN, INQUIRY_TITLE_PATTERN } from './submit-inquiry.dto.js';

// The rules as first written, with a lookahead: the patterns without one must say the same.
const TITLE_WITH_LOOKAHEAD = /^(?=[^\p{Cc}]*\S)[^\p{Cc}]+$/u;
const BODY_WITH_LOOKAHEAD = /^(?=[\s\S]*\S)[^\p{Cc}]*(?:[\t\r\n]+[^\p{Cc}]*)*$/u;

// Every character class the rules tell apart, alone and around others.
const CHARACTERS = [
  'a',
  '한',
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200a',
  '\u200b',
];
CHARACTERS.push('\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\ud83d\ude00');

function samples(): string[] {
  const all = ['', ...CHARACTERS];
  for (const first of CHARACTERS) for (const second of CHARACTERS) all.push(first + second, ` ${first}${second}\t`, `${first}x${second}`);
  return all;
}

describe('inquiry text patterns', () => {
  it('accept exactly what the lookahead rules accepted', () => {
    for (const text of samples()) {
      expect({ text, title: INQUIRY_TITLE_PATTERN.test(text) }).toEqual({ text, title: TITLE_WITH_LOOKAHEAD.test(text) });
      expect({ text, body: INQUIRY_BODY_PATTERN.test(text) }).toEqual({ text, body: BODY_WITH_LOOKAHEAD.test(text) });
    }
  });

  it('have no lookaround, so generators need not filter', () => {
    for (const pattern of [INQUIRY_TITLE_PATTERN, INQUIRY_BODY_PATTERN]) expect(pattern.source).not.toMatch(/\(\?<?[=!]/);
  });

  it('name white space without \\s, which Python regexes read differently', () => {
    for (const pattern of [INQUIRY_TITLE_PATTERN, INQUIRY_BODY_PATTERN]) expect(pattern.source).not.toMatch(/\\[sS]/);
    expect(INQUIRY_TITLE_PATTERN.test('\ufeff')).toBe(false);
    expect(INQUIRY_BODY_PATTERN.test('\ufeff\n')).toBe(false);
  });
});
