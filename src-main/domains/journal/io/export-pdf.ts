import { PDFDocument, StandardFonts, type PDFImage } from 'pdf-lib';
import { AppError } from '../../../../src-shared/ipc/result';
import { isValidTimeZone } from '../../../../src-shared/lib/local-date';
import type { ExportAttachment, ExportBundle, ExportEntry, ReadAttachment } from './model';
import { markdownBlocks, type PdfBlock } from './pdf-markdown';
import { PdfFlow } from './pdf-writer';

/**
 * PDF of the entries in a date range, for printing (pdf-lib): A4, 20 mm margins, a title page line, then per
 * entry its title, date line, tags and location, and the body (headings, lists, quotes, code, paragraphs) with
 * its JPEG/PNG pictures scaled to the text width; page numbers at the foot. Standard fonts only
 * (src-main/lib/pdf/pdf-text.ts explains what happens to characters outside WinAnsi).
 */
export interface PdfExportOptions {
  /** Inclusive start and exclusive end of the range (ISO instants); null or absent = open. */
  from?: string | null;
  to?: string | null;
  /** Heading of the document; default: the names of the journals printed. */
  title?: string;
  /** Creation date written into the file (the injected clock). */
  now: Date;
  /** Most entries in one PDF (a worker's time limit is the other bound). */
  maxEntries?: number;
}

export async function exportPdf(bundle: ExportBundle, read: ReadAttachment, options: PdfExportOptions): Promise<Uint8Array> {
  // Compared as instants, not strings: "…00Z" and "…00.000Z" are the same moment but sort differently as text.
  const from = options.from ? Date.parse(options.from) : -Infinity;
  const to = options.to ? Date.parse(options.to) : Infinity;
  if (Number.isNaN(from) || Number.isNaN(to)) throw new AppError('INVALID_INPUT', 'The date range is not valid.');
  const entries = bundle.entries
    .filter((e) => Date.parse(e.entryAt) >= from && Date.parse(e.entryAt) < to)
    .sort((a, b) => Date.parse(a.entryAt) - Date.parse(b.entryAt));
  if (entries.length > (options.maxEntries ?? 20_000))
    throw new AppError('TOO_LARGE', `A PDF holds at most ${options.maxEntries ?? 20_000} entries; choose a shorter range.`);
  const printed = new Set(entries.map((e) => e.journalId));
  const title =
    options.title ??
    (bundle.journals
      .filter((j) => printed.has(j.id))
      .map((j) => j.name)
      .join(', ') ||
      'Journal');
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('Hearth');
  doc.setCreator('Hearth');
  doc.setCreationDate(options.now);
  doc.setModificationDate(options.now);
  const flow = new PdfFlow(doc, {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    mono: await doc.embedFont(StandardFonts.Courier),
  });
  flow.text(title, { font: flow.fonts.bold, size: 22 });
  flow.text(rangeLine(entries, options), { grey: true });
  for (const [i, entry] of entries.entries()) {
    if (i > 0) flow.rule();
    flow.space(14);
    await writeEntry(flow, doc, entry, bundle, read);
  }
  if (entries.length === 0) flow.text('No entries in this range.', { font: flow.fonts.italic });
  flow.numberPages();
  return doc.save();
}

async function writeEntry(flow: PdfFlow, doc: PDFDocument, entry: ExportEntry, bundle: ExportBundle, read: ReadAttachment): Promise<void> {
  const journal = bundle.journals.find((j) => j.id === entry.journalId)?.name;
  flow.text(entry.title ?? dateLine(entry), { font: flow.fonts.bold, size: 16, keepWithNext: 40 });
  flow.text([entry.title === null ? null : dateLine(entry), journal].filter(Boolean).join('  ·  '), { grey: true, size: 10 });
  if (entry.tags.length > 0) flow.text(entry.tags.map((t) => `#${t}`).join('  '), { grey: true, size: 10 });
  if (entry.location) flow.text(entry.location, { grey: true, size: 10 });
  flow.space(6);
  for (const block of markdownBlocks(entry.body)) await writeBlock(flow, doc, block, entry.attachments, read);
}

async function writeBlock(flow: PdfFlow, doc: PDFDocument, block: PdfBlock, attachments: ExportAttachment[], read: ReadAttachment): Promise<void> {
  switch (block.kind) {
    case 'heading':
      flow.space(6);
      return flow.text(block.text, { font: flow.fonts.bold, size: [15, 13.5, 12.5, 12, 11.5, 11][block.level - 1] ?? 11, keepWithNext: 20 });
    case 'paragraph':
      flow.text(block.text);
      return flow.space(5);
    case 'item':
      return flow.text(block.text, { indent: 10 + block.depth * 14, prefix: block.marker });
    case 'quote':
      return flow.text(block.text, { font: flow.fonts.italic, indent: 16 });
    case 'code':
      flow.preformatted(block.lines);
      return flow.space(5);
    case 'rule':
      return flow.rule();
    case 'image': {
      const attachment = attachments.find((a) => a.id === block.attachmentId);
      const image = attachment ? await embedImage(doc, attachment, read) : null;
      if (image) flow.image(image);
      else flow.text(`[${attachment?.name ?? (block.alt || 'picture')}]`, { font: flow.fonts.italic, grey: true });
      return flow.space(5);
    }
  }
}

/** A JPEG or PNG (by its first bytes, not its declared type); null for other kinds or a damaged file. */
async function embedImage(doc: PDFDocument, attachment: ExportAttachment, read: ReadAttachment): Promise<PDFImage | null> {
  const bytes = await read(attachment.blobId);
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return await doc.embedJpg(bytes);
    if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return await doc.embedPng(bytes);
  } catch {
    return null;
  }
  return null;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone: building one costs far more than using it. */
function dateFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(zone, format);
  }
  return format;
}

function dateLine(entry: ExportEntry): string {
  const zone = entry.timeZone && isValidTimeZone(entry.timeZone) ? entry.timeZone : 'UTC';
  const text = dateFormat(zone).format(new Date(entry.entryAt));
  return `${text} (${zone})`;
}

function rangeLine(entries: ExportEntry[], options: PdfExportOptions): string {
  const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '…');
  return `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, ${day(options.from ?? entries[0]?.entryAt)} to ${day(options.to ?? entries.at(-1)?.entryAt)}`;
}
