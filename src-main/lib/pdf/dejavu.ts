import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * DejaVu Sans for PDFs that print what people wrote (the goals report, an email or thread): embedded and subset, so
 * accented Latin, Greek and Cyrillic print as written. It has no CJK or emoji glyphs: `printable` (pdf-text.ts)
 * turns those into "?". The font files come from the `dejavu-fonts-ttf` package, read once per process (about 1.4 MB).
 */
export interface DejaVuFonts {
  regular: PDFFont;
  bold: PDFFont;
}

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

function loadFontBytes(): { regular: Buffer; bold: Buffer } {
  if (fontBytes) return fontBytes;
  const resolve = createRequire(__filename).resolve;
  fontBytes = {
    regular: readFileSync(resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fontBytes;
}

export async function embedDejaVu(doc: PDFDocument): Promise<DejaVuFonts> {
  doc.registerFontkit(fontkit);
  const bytes = loadFontBytes();
  return { regular: await doc.embedFont(bytes.regular, { subset: true }), bold: await doc.embedFont(bytes.bold, { subset: true }) };
}
