import fs from 'node:fs';
import path from 'node:path';
import { detectDocumentMediaType } from './media-type.js';

const fixture = (name: string) => fs.readFileSync(path.resolve('test/fixtures', name));

describe('detectDocumentMediaType', () => {
  it.each([
    ['valid/proof.pdf', 'application/pdf'],
    ['valid/proof.png', 'image/png'],
    ['valid/proof.jpg', 'image/jpeg'],
  ])('recognises %s by its content', (name, expected) => {
    expect(detectDocumentMediaType(fixture(name))).toBe(expected);
  });

  it.each(['invalid/renamed-linux-executable.pdf', 'invalid/renamed-windows-executable.pdf', 'invalid/plain-text.png', 'invalid/empty.pdf'])(
    'refuses %s whatever its name says',
    (name) => {
      expect(detectDocumentMediaType(fixture(name))).toBeNull();
    },
  );

  it('needs the whole signature, not a prefix of it', () => {
    expect(detectDocumentMediaType(Buffer.from('%PDF'))).toBeNull();
    expect(detectDocumentMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeNull();
    expect(detectDocumentMediaType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(detectDocumentMediaType(Buffer.from([0xff, 0xd8, 0xff]))).toBe('image/jpeg');
  });

  it('only looks at the start of the content', () => {
    expect(detectDocumentMediaType(Buffer.from(' %PDF-1.7'))).toBeNull();
    expect(detectDocumentMediaType(Buffer.from('%pdf-1.7'))).toBeNull();
    expect(detectDocumentMediaType(Buffer.concat([Buffer.from('MZ'), Buffer.from('%PDF-1.7')]))).toBeNull();
  });

  it('refuses other image and archive formats', () => {
    expect(detectDocumentMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(detectDocumentMediaType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull(); // zip / docx
    expect(detectDocumentMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});
