import { History, Link2, RotateCcw, Save, Tag, X } from 'lucide-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FileDetail } from '../../../../src-shared/domains/files/files.schemas';
import { MAX_TAG, MAX_TAGS } from '../../../../src-shared/domains/files/files.schemas';
import { openRecord } from '../../../app/open-record';
import { Button } from '../../../ui/Button';
import { openDialog } from '../file-dialogs';
import { restoreVersion, setTags } from '../files-actions';
import { formatDateTime, formatSize } from '../files-format';
import { say } from '../files.store';

const DOMAIN_LABEL = { vault: 'Vault', batches: 'Batches', journal: 'Journal', calendar: 'Calendar', goals: 'Goals' } as const;

function Section({ title, icon: Icon, children }: { title: string; icon: typeof Tag; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-1.5">
      <h3 className="flex items-center gap-1.5 text-xs font-semibold text-muted">
        <Icon className="size-3.5" aria-hidden /> {title}
      </h3>
      {children}
    </section>
  );
}

/** Tags as chips; Enter or comma adds one, Backspace on an empty field removes the last. */
export function TagsEditor({ file, readOnly }: { file: FileDetail; readOnly: boolean }) {
  const [text, setText] = useState('');
  const save = (tags: string[]) => void setTags(file.id, tags).catch(() => undefined);
  const add = () => {
    const tag = text.trim().replace(/,/g, '').slice(0, MAX_TAG);
    setText('');
    if (tag && !file.tags.includes(tag) && file.tags.length < MAX_TAGS) save([...file.tags, tag]);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !text && file.tags.length > 0) save(file.tags.slice(0, -1));
  };
  return (
    <Section title="Tags" icon={Tag}>
      <div className="flex flex-wrap items-center gap-1.5">
        {file.tags.map((t) => (
          <span key={t} className="inline-flex items-center gap-1 rounded-full bg-subtle py-0.5 pr-1 pl-2 text-xs text-text">
            {t}
            {readOnly ? null : (
              <button
                type="button"
                aria-label={`Remove tag ${t}`}
                onClick={() => save(file.tags.filter((x) => x !== t))}
                className="rounded-full p-0.5 text-faint hover:text-text"
              >
                <X className="size-3" aria-hidden />
              </button>
            )}
          </span>
        ))}
        {readOnly ? (
          file.tags.length ? null : (
            <span className="text-xs text-faint">No tags</span>
          )
        ) : (
          <input
            aria-label="Add a tag"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKey}
            onBlur={() => text && add()}
            placeholder="Add a tag"
            maxLength={MAX_TAG}
            className="h-6 min-w-24 flex-1 rounded bg-transparent px-1 text-xs text-text outline-none focus:bg-subtle"
          />
        )}
      </div>
    </Section>
  );
}

/** Earlier contents (newest first): restore one, or save a copy of it. */
export function VersionsList({ file }: { file: FileDetail }) {
  if (file.versions.length === 0) return null;
  return (
    <Section title={`Versions (${file.versions.length})`} icon={History}>
      <ul className="divide-y divide-line rounded-lg border border-line" data-testid="file-versions">
        {file.versions.map((v) => (
          <li key={v.id} className="flex items-center gap-2 px-2.5 py-1.5 text-xs">
            {/* Two lines: a date with its time and a size do not fit one line of the 360 px pane. */}
            <span className="min-w-0 flex-1" title={v.name}>
              <span className="block truncate text-text">{formatDateTime(v.replacedAt)}</span>
              <span className="block truncate text-muted">{formatSize(v.size)}</span>
            </span>
            <Button
              size="sm"
              variant="ghost"
              icon={Save}
              aria-label={`Save a copy of the version from ${formatDateTime(v.replacedAt)}`}
              onClick={() => openDialog({ kind: 'save-copy', file, versionId: v.id })}
            />
            {file.deletedAt ? null : (
              <Button size="sm" variant="ghost" icon={RotateCcw} onClick={() => void restoreVersion(file.id, v.id).catch(() => undefined)}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The records this file is attached to; a click opens the record in its module. */
export function LinkedFrom({ file }: { file: FileDetail }) {
  if (file.linkedFrom.length === 0) return null;
  return (
    <Section title="Linked from" icon={Link2}>
      <ul className="flex flex-col gap-1" data-testid="linked-from">
        {file.linkedFrom.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              onClick={() => void openRecord({ domain: l.owner.domain, id: l.owner.id }).catch(() => say('That record could not be opened.', 'danger'))}
              className="flex w-full items-center gap-2 rounded-md px-2 py-1 text-left text-[13px] text-text hover:bg-hover"
            >
              <span className="shrink-0 rounded bg-subtle px-1.5 py-0.5 text-[11px] text-muted">{DOMAIN_LABEL[l.owner.domain]}</span>
              <span className="min-w-0 truncate">{l.owner.label || 'Untitled'}</span>
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
