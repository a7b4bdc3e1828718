import { ArrowLeft, Eye, History, Paperclip, PenLine, Star, Trash2 } from 'lucide-react';
import { lazy, Suspense, useRef, useState, type DragEvent } from 'react';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { Spinner } from '../../../ui/Spinner';
import { attachFile, detach } from '../journal-data';
import { describeError } from '../../../lib/errors';
import type { Attachment, Entry, Journal } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { AttachmentsSlot } from '../../files';
import { AttachmentList } from './AttachmentList';
import { MetaRow, TagsRow } from './EntryFields';
import { MetricsRow } from './MetricsRow';
import { useImageUrls } from './useImageUrls';
import { HistoryDialog } from './HistoryDialog';
import type { MarkdownEditorHandle } from './MarkdownEditor';
import { useEntryDraft, type SaveStatus } from './useEntryDraft';

// The editor and the renderer are their own chunks: CodeMirror, markdown-it and DOMPurify load on first use.
const MarkdownEditor = lazy(() => import('./MarkdownEditor'));
const RenderedBody = lazy(() => import('./RenderedBody'));

const STATUS: Record<SaveStatus['state'], string> = { saved: 'Saved', saving: 'Saving…', unsaved: 'Editing', error: 'Not saved' };

/** Markdown for an image attachment, with the brackets of its name escaped. */
const imageMarkdown = (a: Attachment): string => `![${a.name.replace(/[[\]\\]/g, '\\$&')}](attachment:${a.id})`;

/** The open entry: fields, the Markdown body (or its rendered view), attachments, history. Autosaves. */
export function EntryEditor({ entry, journal, onBack }: { entry: Entry; journal: Journal | undefined; onBack(): void }) {
  const save = useJournalStore((s) => s.save);
  const setEntry = useJournalStore((s) => s.setEntry);
  const trash = useJournalStore((s) => s.trash);
  const say = useJournalStore((s) => s.say);
  const { draft, status, change, flush } = useEntryDraft(entry, save);
  const [preview, setPreview] = useState(false);
  const [history, setHistory] = useState(false);
  const [uploading, setUploading] = useState(0);
  const editor = useRef<MarkdownEditorHandle | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const images = useImageUrls(entry.attachments);

  async function attach(files: File[]) {
    setUploading((n) => n + files.length);
    for (const file of files) {
      try {
        const a = await attachFile(entry.id, file);
        if (a.mime.startsWith('image/')) {
          if (editor.current && !preview) editor.current.insert(imageMarkdown(a));
          else change({ body: `${draft.body.replace(/\n*$/, '\n\n')}${imageMarkdown(a)}\n` });
        }
        say(`Attached “${a.name}”.`);
      } catch (err) {
        say(`“${file.name}” was not attached: ${describeError(err)}`, 'danger');
      } finally {
        setUploading((n) => n - 1);
      }
    }
    await flush();
    await useJournalStore.getState().reloadEntry(entry.id);
  }

  const onDrop = (e: DragEvent) => {
    if (e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    void attach([...e.dataTransfer.files]);
  };

  const remove = async (a: Attachment) => {
    try {
      await detach(a.id);
      await useJournalStore.getState().reloadEntry(entry.id);
    } catch (err) {
      say(describeError(err), 'danger');
    }
  };

  return (
    <div className="flex h-full min-h-0 flex-col" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="entry-editor" data-entry-id={entry.id}>
      <div className="flex h-11 shrink-0 items-center gap-1 border-b border-line px-3">
        <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={onBack} aria-label="Close entry" title="Close entry" />
        <span
          className={cx('text-xs', status.state === 'error' ? 'text-danger' : 'text-faint')}
          role="status"
          title={status.state === 'error' ? status.message : undefined}
        >
          {STATUS[status.state]}
          {status.state === 'error' ? `: ${status.message}` : ''}
        </span>
        {uploading > 0 ? (
          <span className="flex items-center gap-1 text-xs text-faint">
            <Spinner className="size-3" /> Uploading {uploading}…
          </span>
        ) : null}
        <span className="flex-1" />
        <Button
          variant="ghost"
          size="sm"
          aria-pressed={draft.starred}
          aria-label={draft.starred ? 'Unstar' : 'Star'}
          onClick={() => change({ starred: !draft.starred }, true)}
        >
          <Star className={cx('size-4', draft.starred && 'fill-amber-400 text-amber-500')} aria-hidden />
        </Button>
        <Button variant="ghost" size="sm" icon={preview ? PenLine : Eye} onClick={() => setPreview((p) => !p)} aria-pressed={preview}>
          <span className="@max-[620px]:sr-only">{preview ? 'Edit' : 'Preview'}</span>
        </Button>
        <Button variant="ghost" size="sm" icon={History} onClick={() => void flush().then(() => setHistory(true))}>
          <span className="@max-[620px]:sr-only">History</span>
        </Button>
        <Button variant="ghost" size="sm" icon={Paperclip} onClick={() => picker.current?.click()}>
          <span className="@max-[620px]:sr-only">Attach</span>
        </Button>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          aria-label="Attach files"
          onChange={(e) => void attach([...(e.target.files ?? [])]).finally(() => (e.target.value = ''))}
        />
        <Button variant="ghost" size="sm" icon={Trash2} aria-label="Move to trash" onClick={() => void flush().then(() => trash(entry.id))} />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-6 py-4 @max-3xl:px-4">
        <div className="mx-auto flex max-w-[760px] flex-col gap-3">
          <input
            aria-label="Title"
            placeholder={entry.displayTitle}
            maxLength={200}
            className="w-full bg-transparent text-xl font-semibold text-text outline-none placeholder:text-faint"
            value={draft.title}
            onChange={(e) => change({ title: e.target.value })}
            onBlur={() => void flush()}
          />
          <MetaRow draft={draft} change={change} />
          <TagsRow tags={draft.tags} onChange={(tags) => change({ tags }, true)} />
          <MetricsRow defs={journal?.metrics ?? []} values={draft.metrics} change={change} />
          <Suspense fallback={<Spinner />}>
            {preview ? (
              <RenderedBody body={draft.body} attachments={entry.attachments} />
            ) : (
              <MarkdownEditor
                value={draft.body}
                onChange={(body) => change({ body })}
                onBlur={() => void flush()}
                onFiles={(f) => void attach(f)}
                handle={editor}
                images={images}
                label="Entry text"
              />
            )}
          </Suspense>
          <AttachmentList attachments={entry.attachments} onRemove={(a) => void remove(a)} onError={(m) => say(m, 'danger')} />
          <div className="mt-4">
            <AttachmentsSlot domain="journal" id={entry.id} label={entry.displayTitle} title="Linked files" readOnly={entry.deletedAt !== null} />
          </div>
        </div>
      </div>
      <HistoryDialog entry={entry} open={history} onOpenChange={setHistory} onRestored={setEntry} />
    </div>
  );
}
