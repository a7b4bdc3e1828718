import type { Snippet } from '../../../../src-shared/domains/files/files.schemas';
import { snippetParts } from '../files-format';

/** A search snippet with its matches in <mark>: React text nodes only, so a snippet can never become markup. */
export function Highlighted({ snippet, className }: { snippet: Snippet; className?: string }) {
  return (
    <span className={className}>
      {snippetParts(snippet).map((part, i) =>
        part.mark ? (
          <mark key={i} className="rounded-sm bg-warning-soft px-0.5 text-text">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
