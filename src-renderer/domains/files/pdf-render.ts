import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** PDFs above this are not drawn in the page (pdf.js holds the whole file in memory). */
export const MAX_PDF_PREVIEW_BYTES = 64 * 1024 * 1024;

/** The parts of the Trusted Types API used here (TypeScript's DOM library does not declare it yet). */
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

let worker: Worker | null = null;

/**
 * pdf.js's one worker, started by us rather than by pdf.js. SECURITY: the CSP's `require-trusted-types-for
 * 'script'` refuses a plain string URL for `new Worker`; this policy vouches for exactly one URL, the worker
 * file of our own bundle, and throws for anything else. The worker stays for the page's life (pdf.js leaves a
 * port it did not create open), so a second preview starts at once.
 */
function pdfWorker(): Worker {
  if (worker) return worker;
  const factory = Reflect.get(window, 'trustedTypes') as TrustedTypesLike | undefined;
  const policy = factory?.createPolicy('hearth-pdf-worker', {
    createScriptURL: (url) => {
      if (url !== workerUrl) throw new TypeError('Only the bundled pdf.js worker may start.');
      return url;
    },
  });
  worker = new Worker((policy ? policy.createScriptURL(workerUrl) : workerUrl) as string, { type: 'module', name: 'pdf.js' });
  return worker;
}

/**
 * Draws the first `pages` pages of the PDF at `url` into canvases `width` CSS pixels wide. pdf.js loads on
 * first use and parses in a module worker served from the bundle (CSP `worker-src 'self'`, see pdfWorker). SECURITY: no
 * scripting, no XFA, no text layer, annotations drawn as pictures only; WebAssembly decoders are off because the
 * CSP allows no wasm (rare JPEG 2000 / JBIG2 images then draw blank rather than the page failing).
 */
export async function renderPdfPages(
  url: string,
  pages: number,
  width: number,
  signal: AbortSignal,
): Promise<{ canvases: HTMLCanvasElement[]; total: number }> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerPort ??= pdfWorker();
  const response = await fetch(url, { signal, cache: 'no-store' });
  if (!response.ok) throw new Error(`the file could not be read (HTTP ${response.status})`);
  const data = new Uint8Array(await response.arrayBuffer());
  if (data.byteLength > MAX_PDF_PREVIEW_BYTES) throw new Error('it is larger than 64 MB');
  const task = pdfjs.getDocument({ data, enableXfa: false, useWasm: false, isOffscreenCanvasSupported: false, stopAtErrors: false });
  signal.addEventListener('abort', () => void task.destroy(), { once: true });
  const doc = await task.promise;
  try {
    const canvases: HTMLCanvasElement[] = [];
    const scale = window.devicePixelRatio || 1;
    for (let n = 1; n <= Math.min(pages, doc.numPages) && !signal.aborted; n += 1) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (width / base.width) * scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.setAttribute('aria-label', `Page ${n}`);
      await page.render({ canvas, viewport, annotationMode: pdfjs.AnnotationMode.ENABLE }).promise;
      canvases.push(canvas);
    }
    return { canvases, total: doc.numPages };
  } finally {
    // Ends the worker's copy of the document too.
    void task.destroy();
  }
}
