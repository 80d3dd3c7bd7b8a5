import { FALLBACK_FILE_NAME, sanitiseFileName } from './file-name.js';
import { MAX_FILE_NAME_LENGTH } from '../upload-limits.js';

describe('sanitiseFileName', () => {
  it('keeps an ordinary name, in any script', () => {
    expect(sanitiseFileName('business-licence.pdf')).toBe('business-licence.pdf');
    expect(sanitiseFileName('사업자등록증 사본.pdf')).toBe('사업자등록증 사본.pdf');
    expect(sanitiseFileName('登記簿謄本.PNG')).toBe('登記簿謄本.PNG');
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system32\\evil.pdf', 'evil.pdf'],
    ['C:\\Users\\kim\\Desktop\\proof.jpg', 'proof.jpg'],
    ['/var/documents/other-member.pdf', 'other-member.pdf'],
    ['..', FALLBACK_FILE_NAME],
    ['../', FALLBACK_FILE_NAME],
    ['.htaccess', 'htaccess'],
  ])('strips path components from %p', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('removes control characters and bidi overrides that disguise an extension', () => {
    expect(sanitiseFileName('report\u0000.pdf')).toBe('report.pdf');
    expect(sanitiseFileName('line\r\nbreak.pdf')).toBe('linebreak.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });

  it('replaces characters that break headers or file systems', () => {
    expect(sanitiseFileName('a"b<c>d:e|f?g*.pdf')).toBe('a_b_c_d_e_f_g_.pdf');
  });

  it('trims spaces and dots at both ends and collapses runs of spaces', () => {
    expect(sanitiseFileName('  my   proof .pdf.  ')).toBe('my proof .pdf');
  });

  it('falls back for an empty or missing name', () => {
    expect(sanitiseFileName('')).toBe(FALLBACK_FILE_NAME);
    expect(sanitiseFileName('   ')).toBe(FALLBACK_FILE_NAME);
    expect(sanitiseFileName(undefined)).toBe(FALLBACK_FILE_NAME);
    expect(sanitiseFileName('\u0001\u0002')).toBe(FALLBACK_FILE_NAME);
  });

  it('limits the length and keeps the extension', () => {
    const long = `${'가'.repeat(500)}.pdf`;
    const sanitised = sanitiseFileName(long);
    expect([...sanitised]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(sanitised.endsWith('.pdf')).toBe(true);
    const noExtension = sanitiseFileName('x'.repeat(400));
    expect(noExtension).toHaveLength(MAX_FILE_NAME_LENGTH);
  });

  it('never splits a character outside the basic plane', () => {
    const sanitised = sanitiseFileName(`${'😀'.repeat(300)}.png`);
    expect([...sanitised]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(sanitised).toMatch(/^(😀)+\.png$/u);
  });
});
