import type { Snippet } from '../../../../src-shared/domains/files/files.schemas';
import { MarkedText } from '../../../ui/MarkedText';
import { snippetParts } from '../files-format';

/** A search snippet with its matches marked. */
export function Highlighted({ snippet, className }: { snippet: Snippet; className?: string }) {
  return <MarkedText parts={snippetParts(snippet)} className={className} />;
}
