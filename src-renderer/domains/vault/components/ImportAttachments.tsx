import { Paperclip } from 'lucide-react';
import type { ImportPreview } from '../../../../src-shared/domains/vault/vault.schemas';

/** Entries whose attachments stay behind (Hearth has no file store yet), listed by name, never dropped silently. */
export function ImportAttachments({ attachments }: { attachments: ImportPreview['attachments'] }) {
  if (attachments.length === 0) return null;
  return (
    <ul
      className="max-h-32 overflow-y-auto rounded-lg border border-line bg-surface text-xs"
      data-testid="import-attachments"
      aria-label="Attachments that will not be imported"
    >
      {attachments.map((a, i) => (
        <li key={i} className="flex items-start gap-2 border-b border-line px-3 py-1.5 last:border-0">
          <Paperclip className="mt-0.5 size-3.5 shrink-0 text-faint" aria-hidden />
          <span className="text-text">
            <span className="font-medium">{a.item}</span>: {a.files.length} {a.files.length === 1 ? 'attachment' : 'attachments'} ({a.files.join(', ')}) will
            not be imported
          </span>
        </li>
      ))}
    </ul>
  );
}
