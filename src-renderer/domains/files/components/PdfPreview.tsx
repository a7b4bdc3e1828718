import { useEffect, useRef, useState } from 'react';
import { Spinner } from '../../../ui/Spinner';
import { renderPdfPages } from '../pdf-render';

/** How many pages the preview draws; the rest is one "Save a copy" away. */
const PAGES = 3;

/**
 * The first pages of a PDF, drawn by pdf.js onto canvases (no iframe, no plugin, no text or annotation layer:
 * nothing from the file becomes markup, and scripts inside a PDF never run). pdf.js parses in its own worker.
 */
export function PdfPreview({ url, name }: { url: string; name: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; total: number } | 'loading' | { error: string }>('loading');

  useEffect(() => {
    const host = box.current;
    if (!host) return;
    const controller = new AbortController();
    setState('loading');
    const width = Math.max(200, Math.min(host.clientWidth, 900));
    renderPdfPages(url, PAGES, width, controller.signal)
      .then(({ canvases, total }) => {
        if (controller.signal.aborted) return;
        host.replaceChildren(...canvases);
        setState({ pages: canvases.length, total });
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setState({ error: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      controller.abort();
      host.replaceChildren();
    };
  }, [url]);

  return (
    <div className="flex flex-col gap-2" data-testid="pdf-preview">
      {state === 'loading' ? (
        <p className="flex items-center gap-2 text-[13px] text-muted">
          <Spinner /> Drawing the first pages…
        </p>
      ) : null}
      {typeof state === 'object' && 'error' in state ? (
        <p className="text-[13px] text-muted">This PDF cannot be shown here ({state.error}). Save a copy to open it in another app.</p>
      ) : null}
      <div
        ref={box}
        aria-label={`Pages of ${name}`}
        role="img"
        className="flex flex-col gap-2 [&>canvas]:w-full [&>canvas]:rounded-md [&>canvas]:border [&>canvas]:border-line [&>canvas]:bg-white"
      />
      {typeof state === 'object' && 'total' in state && state.total > state.pages ? (
        <p className="text-xs text-muted">
          First {state.pages} of {state.total} pages shown.
        </p>
      ) : null}
    </div>
  );
}
