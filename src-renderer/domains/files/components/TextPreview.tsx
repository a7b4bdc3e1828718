import { useEffect, useState } from 'react';
import { Spinner } from '../../../ui/Spinner';

/** Text shown in the preview; longer files are cut (Save a copy for the whole). */
const MAX_TEXT_CHARS = 200_000;

/**
 * A text, Markdown or CSV file as plain text in <pre>: a text node, never parsed as HTML or Markdown, so
 * whatever the file holds stays inert.
 */
export function TextPreview({ url }: { url: string }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, cache: 'no-store' })
      .then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.text();
      })
      .then((t) => setText(t.length > MAX_TEXT_CHARS ? `${t.slice(0, MAX_TEXT_CHARS)}\n\n… (cut here: save a copy to read the rest)` : t))
      .catch((err: unknown) => !controller.signal.aborted && setError(err instanceof Error ? err.message : String(err)));
    return () => controller.abort();
  }, [url]);
  if (error) return <p className="text-[13px] text-danger">The text could not be read ({error}).</p>;
  if (text === null) return <Spinner />;
  return (
    <pre
      className="max-h-[60vh] overflow-auto rounded-md border border-line bg-canvas p-3 font-mono text-xs break-words whitespace-pre-wrap text-text select-text"
      data-testid="text-preview"
    >
      {text}
    </pre>
  );
}
