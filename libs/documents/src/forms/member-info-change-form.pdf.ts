import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type PDFTextField } from 'pdf-lib';
import { cjkFonts, coverage, fontkit, type CjkFont } from './cjk-fonts.js';
import { MEMBER_INFO_CHANGE_FORM_FIELDS, MEMBER_INFO_CHANGE_FORM_TITLE, type MemberInfoChangeFormPrefill } from './member-info-change-form.js';

// The PDF side of member-info-change-form.ts, loaded on the first form made (pdf-lib and fontkit
// are large; most processes never make a form).

const F = MEMBER_INFO_CHANGE_FORM_FIELDS;
const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const LABEL_WIDTH = 190;
const FIELD_HEIGHT = 20;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

// Lone surrogates cannot be encoded by any font; control characters have no place in a one-line field.
const UNPRINTABLE = /[\p{Cc}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

function printable(value: string): string {
  return value.replace(UNPRINTABLE, (match) => (/\p{Cc}/u.test(match) ? ' ' : '\uFFFD')).trim();
}

class FormWriter {
  private y = PAGE.height - PAGE.margin;
  private readonly embedded = new Map<CjkFont['name'], PDFFont>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly page: PDFPage,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  text(value: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; gapAfter?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    for (const line of wrap(value, font, size, PAGE.width - 2 * PAGE.margin)) {
      this.y -= size + 3;
      this.page.drawText(line, { x: PAGE.margin, y: this.y, size, font, color: options.color ?? INK });
    }
    this.y -= options.gapAfter ?? 0;
  }

  section(title: string): void {
    this.y -= 14;
    this.text(title, { size: 12, bold: true, gapAfter: 4 });
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y },
      end: { x: PAGE.width - PAGE.margin, y: this.y },
      thickness: 0.5,
      color: MUTED,
    });
    this.y -= 6;
  }

  async field(name: string, label: string, value: string | null, options: { readOnly?: boolean; lines?: number; hint?: string } = {}): Promise<PDFTextField> {
    const height = FIELD_HEIGHT * (options.lines ?? 1);
    this.y -= height + 6;
    this.page.drawText(label, { x: PAGE.margin, y: this.y + height - 13, size: 10, font: this.regular, color: INK });
    if (options.hint) this.page.drawText(options.hint, { x: PAGE.margin, y: this.y + height - 25, size: 7.5, font: this.regular, color: MUTED });
    const field = this.doc.getForm().createTextField(name);
    if (options.lines && options.lines > 1) field.enableMultiline();
    const text = value === null ? '' : printable(value);
    if (text !== '') field.setText(text);
    const font = await this.fontFor(text);
    field.addToPage(this.page, {
      x: PAGE.margin + LABEL_WIDTH,
      y: this.y,
      width: PAGE.width - 2 * PAGE.margin - LABEL_WIDTH,
      height,
      font,
      borderColor: MUTED,
      borderWidth: 0.75,
    });
    // The appearance is drawn now, with the font that has the value's glyphs (see save()).
    field.updateAppearances(font);
    if (options.readOnly) field.enableReadOnly();
    return field;
  }

  /** Helvetica when the value is WinAnsi text; else the bundled CJK font that has most of its glyphs. */
  private async fontFor(text: string): Promise<PDFFont> {
    if (isWinAnsi(text, this.regular)) return this.regular;
    const best = cjkFonts().reduce((winner, candidate) => (coverage(candidate.font, text) > coverage(winner.font, text) ? candidate : winner));
    let font = this.embedded.get(best.name);
    if (!font) {
      // Subset: only the glyphs used are embedded, so the file stays small (fontkit 1.9 subsets CFF correctly).
      font = await this.doc.embedFont(best.bytes, { subset: true });
      this.embedded.set(best.name, font);
    }
    return font;
  }
}

function isWinAnsi(text: string, font: PDFFont): boolean {
  try {
    font.encodeText(text);
    return true;
  } catch {
    return false;
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The "member data change application form" as a fillable PDF (A4, AcroForm text fields). With
 * `prefill`, the member's current required information is filled in and read-only. Values in any
 * script are kept exactly as field values; their appearance uses Helvetica for Latin text and an
 * embedded, subset Noto Sans KR/JP for Korean and Japanese (a character neither font has shows
 * as an empty box, never an error).
 */
export async function renderMemberInfoChangeFormPdf(prefill?: MemberInfoChangeFormPrefill, now: Date = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(MEMBER_INFO_CHANGE_FORM_TITLE);
  doc.setSubject('Application to change member type, name / business name or business registration number');
  doc.setCreator('Member account changes back office');
  doc.setProducer('Member account changes back office');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const writer = new FormWriter(doc, page, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  const current = Boolean(prefill);

  writer.text(MEMBER_INFO_CHANGE_FORM_TITLE, { size: 18, bold: true, gapAfter: 4 });
  writer.text(
    'Required information (member type, name or business name, business registration number) is never changed directly. ' +
      'Fill in this form, sign it, and submit it with your application together with proof documents ' +
      '(PDF, PNG or JPEG, at most 10 MiB each). A reviewer decides on the application.',
    { size: 9, color: MUTED },
  );

  writer.section('1. Applicant (current information)');
  await writer.field(F.currentMemberId, 'Member ID', prefill?.memberId ?? null, { readOnly: current });
  await writer.field(F.currentLoginId, 'Login ID (email)', prefill?.loginId ?? null, { readOnly: current });
  await writer.field(F.currentMemberType, 'Member type', prefill?.memberType ?? null, { readOnly: current });
  await writer.field(F.currentName, 'Name', prefill?.name ?? null, { readOnly: current });
  await writer.field(F.currentBusinessName, 'Business name', prefill?.businessName ?? null, { readOnly: current });
  await writer.field(F.currentBusinessRegistrationNumber, 'Business registration number', prefill?.businessRegistrationNumber ?? null, {
    readOnly: current,
  });

  writer.section('2. Requested changes (fill in only what changes)');
  writer.text('Member types: PERSONAL, PERSONAL_BUSINESS, CORPORATE_BUSINESS. Business types also need a business name and number.', {
    size: 8.5,
    color: MUTED,
  });
  await writer.field(F.requestedMemberType, 'New member type', null);
  await writer.field(F.requestedName, 'New name', null);
  await writer.field(F.requestedBusinessName, 'New business name', null);
  await writer.field(F.requestedBusinessRegistrationNumber, 'New business registration number', null, { hint: '10 digits, e.g. 123-45-67890' });

  writer.section('3. Reason for the change');
  await writer.field(F.reason, 'Reason', null, { lines: 4 });

  writer.section('4. Declaration');
  writer.text('I declare that the information in this application and the attached documents is true and correct.', { size: 9 });
  await writer.field(F.date, 'Date (YYYY-MM-DD)', null);
  await writer.field(F.signature, 'Signature', null, { lines: 2, hint: 'Sign by hand, or type your full name' });

  writer.text(`Form generated ${now.toISOString().slice(0, 10)}.`, { size: 7.5, color: MUTED, gapAfter: 0 });
  // Appearances were drawn per field with the right font; pdf-lib's default pass would use Helvetica for all.
  return doc.save({ updateFieldAppearances: false });
}
