import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { A4_W, A4Flow, MARGIN } from '../../lib/pdf/a4-flow';
import { embedDejaVu } from '../../lib/pdf/dejavu';
import { printable, wrap } from '../../lib/pdf/pdf-text';

/**
 * A message or a thread as an A4 PDF (pdf-lib): per message a header block (From, To, Cc, Date, Subject), the body
 * text with its line breaks, and the attachment list; page numbers at the foot. DejaVu Sans (src-main/lib/pdf/dejavu.ts)
 * has no CJK or emoji glyphs: those print as "?" (pdf-text.ts) and the PDF says so under the message.
 */
export interface PdfMessage {
  subject: string;
  from: string;
  to: string;
  cc: string;
  date: string;
  text: string;
  attachments: readonly { name: string; mime: string; size: number }[];
}

/** Most body characters printed per message (a PDF is for reading; the original stays in the archive). */
export const PDF_TEXT_CHARS = 200_000;

const GREY = rgb(0.42, 0.42, 0.42);
const INK = rgb(0.1, 0.1, 0.12);
const BOTTOM = 72;

class MailFlow extends A4Flow {
  constructor(
    doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    super(doc, BOTTOM);
  }

  /** One paragraph (no line breaks inside), wrapped to the text width. */
  line(text: string, o: { bold?: boolean; size?: number; indent?: number; grey?: boolean } = {}): void {
    const font = o.bold ? this.bold : this.regular;
    const size = o.size ?? 10;
    const indent = o.indent ?? 0;
    const leading = size * 1.35;
    for (const l of wrap(printable(text, font), font, size, this.width - indent)) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(l, { x: this.left + indent, y: this.y + size * 0.25, size, font, color: o.grey ? GREY : INK });
    }
  }

  /** "Label:  value" with the value wrapped beside the label. */
  field(label: string, value: string): void {
    if (value.trim() === '') return;
    this.line(`${label}:  ${value}`, { size: 9.5 });
  }

  rule(): void {
    this.ensure(10);
    this.y -= 6;
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.width, y: this.y }, thickness: 0.5, color: GREY });
    this.y -= 4;
  }

  footer(label: string): void {
    const pages = this.doc.getPages();
    const text = wrap(printable(label, this.regular), this.regular, 8.5, this.width - 60)[0] ?? '';
    pages.forEach((page, i) => {
      const n = `${i + 1} / ${pages.length}`;
      page.drawText(n, { x: A4_W - MARGIN - this.regular.widthOfTextAtSize(n, 8.5), y: 36, size: 8.5, font: this.regular, color: GREY });
      page.drawText(text, { x: MARGIN, y: 36, size: 8.5, font: this.regular, color: GREY });
    });
  }
}

const sizeText = (n: number): string => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

/** Characters of `text` the font has no glyph for (white space and invisible characters aside). */
function missingGlyphs(text: string, have: ReadonlySet<number>): number {
  let n = 0;
  for (const char of text) if (!have.has(char.codePointAt(0) ?? 0) && !/[\s\p{Cc}\p{Cf}\p{M}]/u.test(char)) n++;
  return n;
}

/** The PDF bytes and page count; `madeAt` is written as the document's date (the injected clock). */
export async function renderMailPdf(messages: readonly PdfMessage[], madeAt: Date): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const fonts = await embedDejaVu(doc);
  const flow = new MailFlow(doc, fonts.regular, fonts.bold);
  const title = messages[0]?.subject.trim() || '(no subject)';
  doc.setTitle(title);
  doc.setCreator('Hearth');
  doc.setProducer('Hearth (pdf-lib)');
  doc.setCreationDate(madeAt);
  doc.setModificationDate(madeAt);
  const have = new Set(flow.regular.getCharacterSet());

  for (const [i, m] of messages.entries()) {
    if (i > 0) flow.space(18);
    flow.line(m.subject.trim() || '(no subject)', { bold: true, size: 14 });
    flow.space(4);
    flow.field('From', m.from);
    flow.field('To', m.to);
    flow.field('Cc', m.cc);
    flow.field('Date', m.date);
    flow.field('Subject', m.subject);
    flow.rule();
    const body = m.text.length > PDF_TEXT_CHARS ? m.text.slice(0, PDF_TEXT_CHARS) : m.text;
    if (body.trim() === '') flow.line('(no text)', { grey: true });
    for (const para of body.replace(/\r\n?/g, '\n').split('\n')) {
      if (para.trim() === '') flow.space(6);
      else flow.line(para);
    }
    if (body.length < m.text.length) flow.line(`(${m.text.length - body.length} more characters not printed)`, { grey: true, size: 9 });
    if (m.attachments.length > 0) {
      flow.space(8);
      flow.line(`Attachments (${m.attachments.length})`, { bold: true, size: 10.5 });
      for (const a of m.attachments) flow.line(`${a.name}  ·  ${a.mime}  ·  ${sizeText(a.size)}`, { indent: 8, size: 9.5 });
    }
    const missing = missingGlyphs([m.subject, m.from, m.to, m.cc, body, ...m.attachments.map((a) => a.name)].join(''), have);
    if (missing > 0) {
      flow.space(6);
      flow.line(
        `${missing} character(s) (such as Chinese, Japanese, Korean or emoji) have no glyph in the PDF font and print as "?"; the archived message is unchanged.`,
        { grey: true, size: 8.5 },
      );
    }
  }
  flow.footer(title);
  const bytes = await doc.save();
  return { bytes, pages: doc.getPageCount() };
}
