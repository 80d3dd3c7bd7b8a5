import { attachmentDisposition } from './document-download.js';

describe('attachmentDisposition', () => {
  it('gives an ASCII name as is', () => {
    expect(attachmentDisposition('proof.pdf')).toBe(`attachment; filename="proof.pdf"; filename*=UTF-8''proof.pdf`);
  });

  it('encodes a UTF-8 name exactly in filename* and replaces it in the ASCII fallback', () => {
    const header = attachmentDisposition('사업자 등록증.pdf');
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent('사업자 등록증.pdf')}`);
    expect(header).toContain('filename="___ ___.pdf"');
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('사업자 등록증.pdf');
  });

  it('escapes characters that would end or confuse the header', () => {
    const header = attachmentDisposition(`it's (final) 100%*.pdf`);
    expect(header).toContain(`filename*=UTF-8''it%27s%20%28final%29%20100%25%2A.pdf`);
    expect(header).toContain(`filename="it's (final) 100_*.pdf"`);
  });
});
