// fontkit 1.9 ships no types; pdf-lib declares the part of it that it uses.
declare module 'fontkit' {
  import type { PDFDocument } from 'pdf-lib';
  const fontkit: Parameters<PDFDocument['registerFontkit']>[0];
  export default fontkit;
}
