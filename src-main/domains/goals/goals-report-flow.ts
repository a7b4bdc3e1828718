import { rgb, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import { A4_W, A4Flow, MARGIN } from '../../lib/pdf/a4-flow';
import { embedDejaVu, type DejaVuFonts } from '../../lib/pdf/dejavu';
import { printable, wrap } from '../../lib/pdf/pdf-text';

/**
 * A top-to-bottom flow over A4 pages for the plan report: wrapped text in DejaVu Sans (embedded and subset, so
 * Cyrillic, Greek and accented Latin print as written), boxes reserved for drawings, page breaks, and a footer with
 * page numbers. The page flow and the text fitting are shared with the journal's PDF (`src-main/lib/pdf/`).
 */
/** A little more room at the bottom for the footer. */
const BOTTOM = 72;
export const GREY = rgb(0.42, 0.42, 0.42);
export const INK = rgb(0.1, 0.1, 0.12);

/** The report's fonts: DejaVu Sans regular and bold (src-main/lib/pdf/dejavu.ts). */
export type ReportFonts = DejaVuFonts;
export const embedReportFonts = embedDejaVu;

export class ReportFlow extends A4Flow {
  constructor(
    doc: PDFDocument,
    readonly fonts: ReportFonts,
  ) {
    super(doc, BOTTOM);
  }

  text(text: string, o: { bold?: boolean; size?: number; indent?: number; color?: RGB; keepWithNext?: number } = {}): void {
    const font = o.bold ? this.fonts.bold : this.fonts.regular;
    const size = o.size ?? 10.5;
    const indent = o.indent ?? 0;
    const leading = size * 1.4;
    wrap(printable(text.replace(/[\r\n]+/g, ' '), font), font, size, this.width - indent).forEach((line, i) => {
      this.ensure(leading + (i === 0 ? (o.keepWithNext ?? 0) : 0));
      this.y -= leading;
      this.page.drawText(line, { x: this.left + indent, y: this.y + size * 0.25, size, font, color: o.color ?? INK });
    });
  }

  heading(text: string, size = 14): void {
    this.space(size * 0.6);
    this.text(text, { bold: true, size, keepWithNext: 40 });
    this.space(2);
  }

  /** Reserves a box `height` tall across the text width and hands its bottom-left corner to `draw`. */
  box(height: number, draw: (page: PDFPage, x: number, y: number) => void): void {
    this.ensure(height + 4);
    this.y -= height + 4;
    draw(this.page, this.left, this.y);
  }

  /** "Plan title · n / N" at the foot of every page. */
  footer(label: string): void {
    const pages = this.doc.getPages();
    const font = this.fonts.regular;
    const text = printable(label, font);
    pages.forEach((page, i) => {
      const n = `${i + 1} / ${pages.length}`;
      page.drawText(n, { x: A4_W - MARGIN - font.widthOfTextAtSize(n, 8.5), y: 36, size: 8.5, font, color: GREY });
      if (i > 0) page.drawText(wrap(text, font, 8.5, this.width - 60)[0]!, { x: MARGIN, y: 36, size: 8.5, font, color: GREY });
    });
  }
}
