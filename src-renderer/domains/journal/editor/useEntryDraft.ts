import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeError } from '../../../lib/errors';
import type { Entry, UpdateEntry } from '../journal-types';

export interface Draft {
  title: string;
  body: string;
  entryAt: string;
  tags: string[];
  starred: boolean;
  mood: number | null;
  metrics: Record<string, number | boolean>;
  location: string;
}

export type SaveStatus = { state: 'saved' | 'saving' | 'unsaved' } | { state: 'error'; message: string };

/** How long typing must pause before an autosave. */
export const AUTOSAVE_MS = 1000;

export const draftOf = (e: Entry): Draft => ({
  title: e.title ?? '',
  body: e.body,
  entryAt: e.entryAt,
  tags: e.tags,
  starred: e.starred,
  mood: e.mood,
  metrics: e.metrics,
  location: e.location ?? '',
});

/** The fields that differ from what was last saved, as an update (empty title/location mean none). */
export function patchOf(saved: Draft, draft: Draft): Omit<UpdateEntry, 'id'> {
  const patch: Omit<UpdateEntry, 'id'> = {};
  if (draft.title !== saved.title) patch.title = draft.title.trim() || null;
  if (draft.body !== saved.body) patch.body = draft.body;
  if (draft.entryAt !== saved.entryAt) patch.entryAt = draft.entryAt;
  if (JSON.stringify(draft.tags) !== JSON.stringify(saved.tags)) patch.tags = draft.tags;
  if (draft.starred !== saved.starred) patch.starred = draft.starred;
  if (draft.mood !== saved.mood) patch.mood = draft.mood;
  if (JSON.stringify(draft.metrics) !== JSON.stringify(saved.metrics)) patch.metrics = draft.metrics;
  if (draft.location !== saved.location) patch.location = draft.location.trim() || null;
  return patch;
}

/**
 * The editor's working copy of an entry with autosave: after a pause in typing, on blur, and when the
 * editor goes away (another entry opened, another module). Saves run one at a time, each with what
 * changed since the last successful save, so nothing typed during a save is lost.
 */
export function useEntryDraft(entry: Entry, save: (id: string, patch: Omit<UpdateEntry, 'id'>) => Promise<unknown>) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(entry));
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const current = useRef(draft);
  const saved = useRef(draftOf(entry));
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const snapshot = current.current;
      const patch = patchOf(saved.current, snapshot);
      if (Object.keys(patch).length === 0) return;
      setStatus({ state: 'saving' });
      try {
        await saveRef.current(entry.id, patch);
        saved.current = snapshot;
        setStatus({ state: current.current === snapshot ? 'saved' : 'unsaved' });
      } catch (err) {
        setStatus({ state: 'error', message: describeError(err) });
      }
    });
    return chain.current;
  }, [entry.id]);

  const change = useCallback(
    (fields: Partial<Draft>, immediate = false) => {
      current.current = { ...current.current, ...fields };
      setDraft(current.current);
      setStatus({ state: 'unsaved' });
      clearTimeout(timer.current);
      if (immediate) void flush();
      else timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  // Leaving the entry saves what is pending.
  useEffect(() => () => void flush(), [flush]);

  return { draft, status, change, flush };
}
