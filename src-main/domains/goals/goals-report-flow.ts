import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

/**
 * A top-to-bottom flow over A4 pages for the plan report: wrapped text in DejaVu Sans (embedded and subset, so
 * Cyrillic, Greek and accented Latin print as written), boxes reserved for drawings, page breaks, and a footer with
 * page numbers. The journal has its own flow over the standard fonts; a module never imports another's code.
 */
export const [PAGE_W, PAGE_H] = PageSizes.A4;
/** 20 mm margins; a little more at the bottom for the footer. */
export const MARGIN = 56.7;
const BOTTOM = 72;
export const GREY = rgb(0.42, 0.42, 0.42);
export const INK = rgb(0.1, 0.1, 0.12);

export interface ReportFonts {
  regular: PDFFont;
  bold: PDFFont;
}

let fontBytes: { regular: Buffer; bold: Buffer } | null = null;

/** DejaVu Sans from the `dejavu-fonts-ttf` package, read once per process (about 1.4 MB for both weights). */
function loadFontBytes(): { regular: Buffer; bold: Buffer } {
  if (fontBytes) return fontBytes;
  const resolve = createRequire(__filename).resolve;
  fontBytes = {
    regular: readFileSync(resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fontBytes;
}

export async function embedReportFonts(doc: PDFDocument): Promise<ReportFonts> {
  doc.registerFontkit(fontkit);
  const bytes = loadFontBytes();
  return { regular: await doc.embedFont(bytes.regular, { subset: true }), bold: await doc.embedFont(bytes.bold, { subset: true }) };
}

/** Characters the font has; others (emoji, CJK outside DejaVu) become "?" so printing never fails on what a user wrote. */
const charsets = new WeakMap<PDFFont, Set<number>>();

export function printable(text: string, font: PDFFont): string {
  let set = charsets.get(font);
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
  let out = '';
  for (const ch of text.replace(/\t/g, '    ').replace(/[\r\n]+/g, ' ')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (set.has(cp)) out += ch;
    else if (!/[\p{Cc}\p{Cf}]/u.test(ch)) out += '?';
  }
  return out;
}

/** `text` in lines no wider than `width`; a word longer than a line is cut by characters. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string): boolean => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export class ReportFlow {
  page: PDFPage;
  y = 0;
  readonly width = PAGE_W - 2 * MARGIN;
  readonly left = MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: ReportFonts,
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.y = PAGE_H - MARGIN;
    return this.page;
  }

  /** A new page unless the current one is still empty. */
  pageBreak(): void {
    if (this.y < PAGE_H - MARGIN) this.newPage();
  }

  space(points: number): void {
    if (this.y < PAGE_H - MARGIN) this.y -= points;
  }

  /** Room for `height` points below, on this page or the next. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  text(text: string, o: { bold?: boolean; size?: number; indent?: number; color?: RGB; keepWithNext?: number } = {}): void {
    const font = o.bold ? this.fonts.bold : this.fonts.regular;
    const size = o.size ?? 10.5;
    const indent = o.indent ?? 0;
    const leading = size * 1.4;
    wrap(printable(text, font), font, size, this.width - indent).forEach((line, i) => {
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
      page.drawText(n, { x: PAGE_W - MARGIN - font.widthOfTextAtSize(n, 8.5), y: 36, size: 8.5, font, color: GREY });
      if (i > 0) page.drawText(wrap(text, font, 8.5, this.width - 60)[0]!, { x: MARGIN, y: 36, size: 8.5, font, color: GREY });
    });
  }
}
