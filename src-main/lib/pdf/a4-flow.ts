import { PageSizes, type PDFDocument, type PDFPage } from 'pdf-lib';

export const [A4_W, A4_H] = PageSizes.A4;
/** 20 mm margins. */
export const MARGIN = 56.7;

/**
 * A top-to-bottom flow over A4 pages, the part every printed document shares (the journal's PDF, the goals report):
 * a cursor `y` from the top margin down to `bottom`, a new page when the next thing does not fit, and no vertical
 * space at the top of a page. Subclasses draw text, images and charts at `left`/`y`.
 */
export class A4Flow {
  page: PDFPage;
  y = 0;
  readonly width = A4_W - 2 * MARGIN;
  readonly left = MARGIN;

  constructor(
    protected readonly doc: PDFDocument,
    /** Where the text stops above the footer (points from the bottom edge). */
    private readonly bottom: number,
  ) {
    this.page = this.newPage();
  }

  protected newPage(): PDFPage {
    this.page = this.doc.addPage([A4_W, A4_H]);
    this.y = A4_H - MARGIN;
    return this.page;
  }

  /** Starts a new page unless the current one is still empty. */
  pageBreak(): void {
    if (this.y < A4_H - MARGIN) this.newPage();
  }

  /** Vertical space, dropped at the top of a page. */
  space(points: number): void {
    if (this.y < A4_H - MARGIN) this.y -= points;
  }

  /** Room for `height` points below, on this page or the next. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  /** The height a page has for content, margin to footer. */
  protected get usableHeight(): number {
    return A4_H - MARGIN - this.bottom;
  }
}
