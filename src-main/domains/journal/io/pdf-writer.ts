import { rgb, type PDFDocument, type PDFFont, type PDFImage } from 'pdf-lib';
import { A4_W, A4Flow, MARGIN } from '../../../lib/pdf/a4-flow';
import { printable, wrap } from '../../../lib/pdf/pdf-text';

/**
 * A top-to-bottom text flow over A4 pages: wrapped lines, indents, images scaled to the text width, a new
 * page whenever the next line or picture does not fit, page numbers at the end.
 */
export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  mono: PDFFont;
}

/** A little more room at the bottom for the page number. */
const BOTTOM = 70;
const GREY = rgb(0.4, 0.4, 0.4);

export class PdfFlow extends A4Flow {
  constructor(
    doc: PDFDocument,
    readonly fonts: PdfFonts,
  ) {
    super(doc, BOTTOM);
  }

  /** Wrapped text; `keepWithNext` points of room are needed below the first line (a heading is not left alone at a page end). */
  text(text: string, options: { font?: PDFFont; size?: number; indent?: number; grey?: boolean; prefix?: string; keepWithNext?: number } = {}): void {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? 11;
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    const prefix = options.prefix ? printable(options.prefix, font) : '';
    const prefixWidth = prefix ? font.widthOfTextAtSize(`${prefix} `, size) : 0;
    const lines = wrap(printable(text, font), font, size, this.width - indent - prefixWidth);
    lines.forEach((line, i) => {
      this.ensure(leading + (i === 0 ? (options.keepWithNext ?? 0) : 0));
      this.y -= leading;
      const color = options.grey ? GREY : rgb(0, 0, 0);
      if (i === 0 && prefix) this.page.drawText(prefix, { x: MARGIN + indent, y: this.y, size, font, color });
      this.page.drawText(line, { x: MARGIN + indent + prefixWidth, y: this.y, size, font, color });
    });
  }

  /** Lines kept as they are (code), each wrapped on its own. */
  preformatted(lines: string[], size = 9.5): void {
    for (const line of lines) this.text(line === '' ? ' ' : line, { font: this.fonts.mono, size, indent: 12 });
  }

  /** A picture as wide as the text (never enlarged past its own size at 72 dpi), and never taller than a page. */
  image(image: PDFImage): void {
    const scale = Math.min(this.width / image.width, this.usableHeight / image.height, 1);
    const w = image.width * scale;
    const h = image.height * scale;
    this.ensure(h + 6);
    this.y -= h + 6;
    this.page.drawImage(image, { x: MARGIN, y: this.y, width: w, height: h });
  }

  rule(): void {
    this.ensure(12);
    this.y -= 8;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4_W - MARGIN, y: this.y }, thickness: 0.5, color: GREY });
    this.y -= 4;
  }

  /** "n / N" centred at the foot of every page. */
  numberPages(): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const label = `${i + 1} / ${pages.length}`;
      const w = this.fonts.regular.widthOfTextAtSize(label, 9);
      page.drawText(label, { x: (A4_W - w) / 2, y: 34, size: 9, font: this.fonts.regular, color: GREY });
    });
  }
}
