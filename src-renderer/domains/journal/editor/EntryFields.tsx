import { MapPin, X } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import { cx } from '../../../ui/cx';
import { MOODS } from '../journal-style';
import type { Draft } from './useEntryDraft';

const pad = (n: number): string => String(n).padStart(2, '0');
/** An ISO timestamp as a `datetime-local` value on this computer's clock. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type Change = (fields: Partial<Draft>, immediate?: boolean) => void;

/** Date and time, mood, location. */
export function MetaRow({ draft, change }: { draft: Draft; change: Change }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <label className="flex items-center gap-1.5 text-xs text-muted">
        <span className="sr-only">Date and time</span>
        <input
          type="datetime-local"
          aria-label="Date and time"
          className="field-input h-7 w-auto px-2 text-xs"
          value={toLocalInput(draft.entryAt)}
          onChange={(e) => {
            const at = new Date(e.target.value);
            if (!Number.isNaN(at.getTime())) change({ entryAt: at.toISOString() });
          }}
        />
      </label>
      <div role="group" aria-label="Mood" className="flex gap-0.5">
        {MOODS.map((m) => (
          <button
            key={m.value}
            type="button"
            title={m.label}
            aria-label={`Mood: ${m.label}`}
            aria-pressed={draft.mood === m.value}
            onClick={() => change({ mood: draft.mood === m.value ? null : m.value }, true)}
            className={cx(
              'flex size-7 items-center justify-center rounded-md transition-colors',
              draft.mood === m.value ? 'bg-accent-soft text-accent ring-1 ring-accent' : 'text-faint hover:bg-hover hover:text-text',
            )}
          >
            <m.icon className="size-4" aria-hidden />
          </button>
        ))}
      </div>
      <label className="flex min-w-[160px] flex-1 items-center gap-1.5">
        <MapPin className="size-3.5 shrink-0 text-faint" aria-hidden />
        <input
          aria-label="Location"
          placeholder="Location"
          maxLength={500}
          className="h-7 w-full min-w-0 bg-transparent text-xs text-text outline-none placeholder:text-faint"
          value={draft.location}
          onChange={(e) => change({ location: e.target.value })}
        />
      </label>
    </div>
  );
}

/** Tags as chips; Enter or comma adds, Backspace on an empty field removes the last. */
export function TagsRow({ tags, onChange }: { tags: string[]; onChange(tags: string[]): void }) {
  const [text, setText] = useState('');
  const add = () => {
    const tag = text.trim().replace(/^#/, '').slice(0, 100);
    if (tag && !tags.includes(tag) && tags.length < 50) onChange([...tags, tag]);
    setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) onChange(tags.slice(0, -1));
  };
  return (
    <div className="flex flex-wrap items-center gap-1">
      {tags.map((t) => (
        <span key={t} className="flex h-6 items-center gap-1 rounded bg-subtle pr-1 pl-1.5 text-xs text-muted">
          #{t}
          <button type="button" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))} className="rounded hover:text-text">
            <X className="size-3" aria-hidden />
          </button>
        </span>
      ))}
      <input
        aria-label="Add a tag"
        placeholder={tags.length ? 'Add tag' : 'Add tags (Enter)'}
        className="h-6 min-w-[90px] flex-1 bg-transparent text-xs text-text outline-none placeholder:text-faint"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        onBlur={add}
      />
    </div>
  );
}
