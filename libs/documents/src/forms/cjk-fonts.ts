import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from 'fontkit';

type Font = ReturnType<typeof fontkit.create>;

/** A font that can draw Korean or Japanese text in a PDF (Noto Sans KR / JP, SIL OFL 1.1, from npm). */
export interface CjkFont {
  readonly name: 'NotoSansKR' | 'NotoSansJP';
  readonly bytes: Buffer;
  readonly font: Font;
}

const require = createRequire(import.meta.url);
let loaded: CjkFont[] | undefined;

function load(packageName: string, file: string, name: CjkFont['name']): CjkFont {
  // The packages export only metadata; the font files sit in fonts/ beside dist/.
  const bytes = fs.readFileSync(path.join(path.dirname(require.resolve(packageName)), '..', 'fonts', file));
  return { name, bytes, font: fontkit.create(bytes) };
}

/** Korean first (it also covers kana and the hanja of KS X 1001), then Japanese (JIS kanji). Loaded once. */
export function cjkFonts(): readonly CjkFont[] {
  loaded ??= [load('@embedpdf/fonts-kr', 'NotoSansKR-Regular.otf', 'NotoSansKR'), load('@embedpdf/fonts-jp', 'NotoSansJP-Regular.otf', 'NotoSansJP')];
  return loaded;
}

/** How many of the text's characters the font has a glyph for. */
export function coverage(font: Font, text: string): number {
  let covered = 0;
  for (const char of text) if (font.hasGlyphForCodePoint(char.codePointAt(0)!)) covered += 1;
  return covered;
}

export { fontkit };
