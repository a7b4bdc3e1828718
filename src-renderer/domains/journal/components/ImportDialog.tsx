import { FolderOpen, Upload } from 'lucide-react';
import { useState } from 'react';
import { JOURNAL_LIMITS } from '../../../../src-shared/domains/journal/journal.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { formatMiB, MiB } from '../../../../src-shared/lib/limits';
import { packFolder } from '../../../../src-shared/lib/pack-folder';
import { importCommit, importPreview, uploadBlob } from '../journal-data';
import type { ImportPreview } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { PreviewSummary } from './ImportPreviewSummary';

/** What a folder import may hold (the importers' own cap on their input). */
const MAX_FOLDER_BYTES = 512 * MiB;

type Phase =
  | { step: 'pick' }
  | { step: 'uploading'; done: number; total: number }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'committing'; preview: ImportPreview };

/** Import from Day One (zip/json), Joplin (jex or a raw folder), Markdown/Obsidian folders, Standard Notes or Hearth exports. */
export function ImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange(o: boolean): void }) {
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const close = (o: boolean) => {
    onOpenChange(o);
    if (!o) {
      setPhase({ step: 'pick' });
      setError(null);
    }
  };

  async function pick(list: FileList | null) {
    const files = [...(list ?? [])].filter((f) => !/(^|\/)\.DS_Store$/.test(f.webkitRelativePath || f.name));
    if (files.length === 0) return;
    if (files.length > JOURNAL_LIMITS.importFiles)
      return setError(`That folder has ${files.length} files; Hearth imports at most ${JOURNAL_LIMITS.importFiles} at once.`);
    setError(null);
    try {
      let uploaded: { path: string; blobId: string }[];
      if (files.length === 1) {
        setPhase({ step: 'uploading', done: 0, total: 1 });
        uploaded = [{ path: files[0]!.name.slice(0, 1024), blobId: await uploadBlob(files[0]!) }];
      } else {
        // A folder travels as one uncompressed ZIP (src-shared/lib/pack-folder.ts): one upload instead of thousands.
        const total = files.reduce((n, f) => n + f.size, 0);
        if (total > MAX_FOLDER_BYTES) return setError(`That folder holds ${formatMiB(total)}; Hearth imports at most ${formatMiB(MAX_FOLDER_BYTES)} at once.`);
        const read: { path: string; bytes: Uint8Array }[] = [];
        for (const [i, f] of files.entries()) {
          setPhase({ step: 'uploading', done: i, total: files.length });
          // The path below the picked folder tells main how notes, sub-folders and attachments belong together.
          const below = f.webkitRelativePath.split('/').slice(1).join('/') || f.name;
          read.push({ path: below.slice(0, 1024), bytes: new Uint8Array(await f.arrayBuffer()) });
        }
        const root = (files[0]!.webkitRelativePath.split('/')[0] || 'folder').slice(0, 200);
        uploaded = [{ path: `${root}.zip`, blobId: await uploadBlob(new Blob([packFolder(read) as Uint8Array<ArrayBuffer>])) }];
      }
      setPhase({ step: 'uploading', done: files.length, total: files.length });
      setPhase({ step: 'preview', preview: await importPreview({ files: uploaded }) });
    } catch (err) {
      setPhase({ step: 'pick' });
      setError(describeError(err));
    }
  }

  async function commit(preview: ImportPreview) {
    setPhase({ step: 'committing', preview });
    try {
      const r = await importCommit({ previewId: preview.previewId, skipDuplicates });
      await useJournalStore.getState().refresh();
      useJournalStore.getState().say(`Imported ${r.entries} ${r.entries === 1 ? 'entry' : 'entries'}${r.skipped ? `, skipped ${r.skipped}` : ''}.`);
      close(false);
    } catch (err) {
      setPhase({ step: 'preview', preview });
      setError(describeError(err));
    }
  }

  const toImport = (p: ImportPreview): number => Math.max(0, p.entries - (skipDuplicates ? p.duplicates : 0));
  const preview = phase.step === 'preview' || phase.step === 'committing' ? phase.preview : null;
  return (
    <Modal
      open={open}
      onOpenChange={close}
      size="md"
      title="Import entries"
      description="Day One (zip or JSON), Joplin (JEX), Markdown or Obsidian folders, Standard Notes, or a Hearth export. Nothing is imported before you confirm."
    >
      <div className="flex flex-col gap-3" data-testid="journal-import">
        {phase.step === 'pick' ? (
          <div className="flex flex-wrap gap-2">
            <label className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-3.5 text-sm font-medium hover:bg-hover">
              <Upload className="size-4" aria-hidden /> Choose a file…
              <input
                type="file"
                className="sr-only"
                aria-label="Import file"
                accept=".zip,.json,.jex,.md,.markdown,.txt"
                onChange={(e) => void pick(e.target.files)}
              />
            </label>
            <label className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-3.5 text-sm font-medium hover:bg-hover">
              <FolderOpen className="size-4" aria-hidden /> Choose a folder…
              <input
                type="file"
                className="sr-only"
                aria-label="Import folder"
                {...{ webkitdirectory: '' }}
                multiple
                onChange={(e) => void pick(e.target.files)}
              />
            </label>
          </div>
        ) : null}
        {phase.step === 'uploading' ? (
          <p className="flex items-center gap-2 text-[13px] text-muted">
            <Spinner /> {phase.done < phase.total ? `Reading file ${phase.done + 1} of ${phase.total}…` : 'Looking inside…'}
          </p>
        ) : null}
        {preview ? <PreviewSummary preview={preview} skipDuplicates={skipDuplicates} onSkipDuplicates={setSkipDuplicates} /> : null}
        {error ? <Callout tone="danger">{error}</Callout> : null}
      </div>
      <ModalActions>
        <Button onClick={() => close(false)}>Cancel</Button>
        {preview ? (
          <Button variant="primary" busy={phase.step === 'committing'} disabled={toImport(preview) === 0} onClick={() => void commit(preview)}>
            {toImport(preview) === 0 ? 'Nothing new to import' : `Import ${toImport(preview)} ${toImport(preview) === 1 ? 'entry' : 'entries'}`}
          </Button>
        ) : null}
      </ModalActions>
    </Modal>
  );
}
