import { PDFDict, PDFDocument, PDFName, PDFTextField } from 'pdf-lib';
import { MEMBER_INFO_CHANGE_FORM_FIELDS as F, renderMemberInfoChangeForm, type MemberInfoChangeFormPrefill } from './member-info-change-form.js';

const PREFILL: MemberInfoChangeFormPrefill = {
  memberId: '6f1c1f7e-0000-4000-8000-000000000001',
  loginId: 'kim@example.com',
  memberType: 'CORPORATE_BUSINESS',
  name: 'Kim Minji',
  businessName: 'Example Cloud Co., Ltd.',
  businessRegistrationNumber: '******2517',
};

async function fieldsOf(bytes: Uint8Array): Promise<Record<string, string | undefined>> {
  const doc = await PDFDocument.load(bytes);
  return Object.fromEntries(
    doc
      .getForm()
      .getFields()
      .filter((field): field is PDFTextField => field instanceof PDFTextField)
      .map((field) => [field.getName(), field.getText()]),
  );
}

async function embeddedFontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict)
    .map((dict) => dict.get(PDFName.of('BaseFont')))
    .filter((name) => name !== undefined)
    .map(String);
}

describe('member data change application form', () => {
  it('is a one-page PDF with every field empty when nobody is signed in', async () => {
    const bytes = await renderMemberInfoChangeForm();
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Member Data Change Application');
    const fields = await fieldsOf(bytes);
    expect(Object.keys(fields).sort()).toEqual(Object.values(F).sort());
    expect(Object.values(fields).every((value) => value === undefined)).toBe(true);
    expect(doc.getForm().getTextField(F.currentName).isReadOnly()).toBe(false);
  });

  it('pre-fills the current information, read-only, and leaves the requested values to the member', async () => {
    const bytes = await renderMemberInfoChangeForm(PREFILL);
    const fields = await fieldsOf(bytes);
    expect(fields).toMatchObject({
      [F.currentMemberId]: PREFILL.memberId,
      [F.currentLoginId]: 'kim@example.com',
      [F.currentMemberType]: 'CORPORATE_BUSINESS',
      [F.currentName]: 'Kim Minji',
      [F.currentBusinessName]: 'Example Cloud Co., Ltd.',
      [F.currentBusinessRegistrationNumber]: '******2517',
    });
    for (const requested of [F.requestedMemberType, F.requestedName, F.requestedBusinessName, F.reason, F.signature]) {
      expect(fields[requested]).toBeUndefined();
    }
    const doc = await PDFDocument.load(bytes);
    expect(doc.getForm().getTextField(F.currentName).isReadOnly()).toBe(true);
    expect(doc.getForm().getTextField(F.requestedName).isReadOnly()).toBe(false);
    // Latin text needs no embedded font.
    expect((await embeddedFontNames(bytes)).some((name) => name.includes('Noto'))).toBe(false);
  });

  it('keeps Korean and Japanese names exactly and embeds a subset CJK font for them', async () => {
    const bytes = await renderMemberInfoChangeForm({ ...PREFILL, name: '김민지', businessName: '渡辺髙橋商事株式会社' });
    const fields = await fieldsOf(bytes);
    expect(fields[F.currentName]).toBe('김민지');
    expect(fields[F.currentBusinessName]).toBe('渡辺髙橋商事株式会社');
    const fonts = await embeddedFontNames(bytes);
    expect(fonts.some((name) => name.includes('NotoSansKR'))).toBe(true);
    expect(fonts.some((name) => name.includes('NotoSansJP'))).toBe(true);
    // Subset: a few glyphs, not the 4.5 MB fonts.
    expect(bytes.length).toBeLessThan(300_000);
  });

  it.each([
    ['emoji and symbols', 'Minji 😀 ✓ ∑'],
    ['Arabic and Thai', 'مريم สมชาย'],
    ['Chinese outside both fonts', '𠮷野家 𪚥'],
    ['combining marks', 'Zoe\u0308 Ame\u0301lie'],
    ['control characters', 'Kim\u0000\u0007Minji\nLee'],
    ['a lone surrogate', 'Kim \uD800 Minji'],
    ['a 200-character Hangul name', '가'.repeat(200)],
  ])('never fails on a name with %s', async (_case, name) => {
    const bytes = await renderMemberInfoChangeForm({ ...PREFILL, name });
    const fields = await fieldsOf(bytes);
    expect(fields[F.currentName]?.length).toBeGreaterThan(0);
  });
});
