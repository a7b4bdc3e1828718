import { Link2, Paperclip, Unlink } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkDomain, LinkedFile } from '../../../src-shared/domains/files/files.schemas';
import { openRecord } from '../../app/open-record';
import { describeError } from '../../lib/errors';
import { Button } from '../../ui/Button';
import { FileIcon } from './components/FileIcon';
import { LinkPicker } from './components/LinkPicker';
import { linkFile, linksOf, onFilesChanged, unlinkFile } from './files-actions';
import { formatSize, typeLabel } from './files-format';
import { cleanRelativePath } from './paths';
import { uploadOne } from './upload';

export interface AttachmentsSlotProps {
  domain: LinkDomain;
  id: string;
  /** How the file's "Linked from" names this record ("Bank login", "Lot 42"). */
  label: string;
  /** A trashed record: list its files, change nothing. */
  readOnly?: boolean;
  /** The section's heading (a journal entry has its own photos, so its library files are "Linked files"). */
  title?: string;
}

/**
 * Files attached to one record of another module. "Attach file" stores a new file in Files (under
 * Attachments/) and links it; "Link existing file" searches the library. Opening a file shows it in Files.
 */
export function AttachmentsSlot({ domain, id, label, readOnly = false, title = 'Attachments' }: AttachmentsSlotProps) {
  const [links, setLinks] = useState<LinkedFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const owner = { domain, id, label: label.slice(0, 200) };

  const load = useCallback(() => {
    linksOf({ domain, id }).then(setLinks, (err: unknown) => setError(describeError(err)));
  }, [domain, id]);
  useEffect(() => {
    load();
    return onFilesChanged(load);
  }, [load]);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
      load();
    }
  };
  const attach = (files: File[]) =>
    run(async () => {
      for (const file of files) {
        const { file: stored } = await uploadOne({ file, relativePath: cleanRelativePath(`Attachments/${file.name}`) }, null);
        await linkFile(stored.id, owner);
      }
    });

  return (
    <section aria-label={title} className="rounded-xl border border-line bg-surface" data-testid="attachments-slot">
      <header className="flex flex-wrap items-center gap-2 border-b border-line px-4 py-2">
        <h3 className="flex flex-1 items-center gap-1.5 text-[13px] font-semibold text-text">
          <Paperclip className="size-3.5 text-muted" aria-hidden /> {title}
        </h3>
        {readOnly ? null : (
          <>
            <Button size="sm" variant="ghost" icon={Link2} onClick={() => setPicking(true)} disabled={busy}>
              Link existing file
            </Button>
            <Button size="sm" icon={Paperclip} busy={busy} onClick={() => input.current?.click()}>
              Attach file
            </Button>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              aria-label="File to attach"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length) void attach(files);
              }}
            />
          </>
        )}
      </header>
      {error ? (
        <p role="alert" className="px-4 py-2 text-[13px] text-danger">
          {error}
        </p>
      ) : null}
      {links === null ? null : links.length === 0 ? (
        <p className="px-4 py-3 text-[13px] text-muted">
          No files attached.{readOnly ? '' : ' Attach a scan, a contract or a photo: it is stored encrypted in Files.'}
        </p>
      ) : (
        <ul className="divide-y divide-line">
          {links.map(({ link, file }) => (
            <li key={link.id} className="flex items-center gap-2.5 px-4 py-1.5">
              <FileIcon mime={file.mime} thumbnailId={file.thumbnailId} />
              <button
                type="button"
                onClick={() => void openRecord({ domain: 'files', id: file.id }).catch((err: unknown) => setError(describeError(err)))}
                className="min-w-0 flex-1 text-left"
                data-testid="attachment"
              >
                <span className="block truncate text-[13px] text-text hover:underline">{file.name}</span>
                <span className="text-xs text-muted">
                  {typeLabel(file.mime)} · {formatSize(file.size)}
                </span>
              </button>
              {readOnly ? null : (
                <Button size="sm" variant="ghost" icon={Unlink} aria-label={`Detach ${file.name}`} onClick={() => void run(() => unlinkFile(link.id))} />
              )}
            </li>
          ))}
        </ul>
      )}
      {picking ? (
        <LinkPicker
          exclude={new Set(links?.map((l) => l.file.id) ?? [])}
          onClose={() => setPicking(false)}
          onPick={(fileId) => {
            setPicking(false);
            void run(() => linkFile(fileId, owner));
          }}
        />
      ) : null}
    </section>
  );
}
