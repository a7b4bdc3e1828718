import type { JobFn } from '../../workers/job';

/** Characters of text kept per file for search (the rest of a long book is not indexed). */
export const MAX_TEXT_CHARS = 2 * 1024 * 1024;

/**
 * Worker job: the text of a PDF, page by page, for the search index. Runs in a worker thread with heap and
 * time limits because a PDF is untrusted input to a large parser. SECURITY: pdf.js (v6 never generates code from a
 * file) runs with no font loading, no XFA forms and no network; only the text layer is read.
 */
export const extractPdfTextJob: JobFn<{ bytes: Uint8Array }, { text: string; pages: number }> = async (input, ctx) => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: input.bytes, disableFontFace: true, useSystemFonts: false, enableXfa: false, stopAtErrors: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const parts: string[] = [];
    let length = 0;
    for (let i = 1; i <= doc.numPages && length < MAX_TEXT_CHARS; i++) {
      if (ctx.cancelled()) break;
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      parts.push(text);
      length += text.length;
      page.cleanup();
      ctx.progress(i, doc.numPages);
    }
    return { text: parts.join('\n').slice(0, MAX_TEXT_CHARS), pages: doc.numPages };
  } finally {
    await task.destroy();
  }
};
