import { Download, FileText, X } from 'lucide-react';
import { downloadUrl } from '../../../lib/files';
import { downloadTicket } from '../journal-data';
import type { Attachment } from '../journal-types';
import { Thumb } from '../components/Thumb';

const size = (n: number): string => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** The entry's attachments: image thumbnails and other files, each downloadable and removable. */
export function AttachmentList({
  attachments,
  onRemove,
  onError,
}: {
  attachments: readonly Attachment[];
  onRemove(a: Attachment): void;
  onError(message: string): void;
}) {
  if (attachments.length === 0) return null;
  const download = async (a: Attachment) => {
    try {
      downloadUrl(a.name, await downloadTicket(a));
    } catch {
      onError(`“${a.name}” could not be downloaded.`);
    }
  };
  return (
    <section aria-label="Attachments" className="mt-4 border-t border-line pt-3" data-testid="attachments">
      <h3 className="mb-2 text-[11px] font-semibold tracking-wide text-faint uppercase">Attachments</h3>
      <ul className="flex flex-wrap gap-2">
        {attachments.map((a) => (
          <li key={a.id} className="group flex max-w-[260px] items-center gap-2 rounded-md border border-line bg-surface p-1.5 pr-2">
            {a.thumbnailBlobId ? (
              <Thumb blobId={a.thumbnailBlobId} alt={a.name} className="size-10 rounded" />
            ) : (
              <span className="flex size-10 items-center justify-center rounded bg-subtle text-faint">
                <FileText className="size-4" aria-hidden />
              </span>
            )}
            <span className="min-w-0 flex-1">
              <span className="block truncate text-xs text-text">{a.name}</span>
              <span className="text-[11px] text-faint">{size(a.size)}</span>
            </span>
            <button
              type="button"
              aria-label={`Download ${a.name}`}
              onClick={() => void download(a)}
              className="rounded p-1 text-faint hover:bg-hover hover:text-text"
            >
              <Download className="size-3.5" aria-hidden />
            </button>
            <button
              type="button"
              aria-label={`Remove ${a.name}`}
              onClick={() => onRemove(a)}
              className="rounded p-1 text-faint hover:bg-hover hover:text-danger"
            >
              <X className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
