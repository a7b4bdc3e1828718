import { keyMatches, type When } from '../../../../src-shared/lib/recurrence';
import { cloneComponent, componentText, prop, setProp, type Component } from './component';
import { editFollowing, splitMaster } from './edit-following';
import {
  keyOf,
  loadSeries,
  moveOverride,
  recurrenceIdOf,
  rekey,
  rewriteDates,
  texts,
  type EditOptions,
  type EditResult,
  type LoadedSeries,
  type SeriesTexts,
} from './edit-core';
import { applyPatch, readWhen, setTimes, stamp, whenLine, type EventPatch } from './patch';
import { sameWhen, toForm } from './when';

export type EditScope = 'this' | 'following' | 'all';

const overrideIndex = (s: LoadedSeries, occurrence: When): number => {
  const key = keyOf(s, occurrence);
  return s.overrides.findIndex((o) => {
    const rid = recurrenceIdOf(o);
    return rid !== null && keyMatches(key, keyOf(s, rid));
  });
};

/** "This occurrence": an override (RECURRENCE-ID in the master's DTSTART form) with the patched properties. */
function editThis(s: LoadedSeries, occurrence: When, patch: EventPatch, opts: EditOptions): EditResult {
  const { rrule: _ignored, ...own } = patch; // an override never carries a recurrence of its own
  const index = overrideIndex(s, occurrence);
  const overrides = [...s.overrides];
  const existing = overrides[index];
  if (existing) {
    applyPatch(existing, own, s.zones);
    stamp(existing, opts.nowMs);
  } else {
    // Like Google and Thunderbird: the override starts as a copy of the master (unknown lines included).
    const comp = cloneComponent(s.master);
    for (const name of ['RRULE', 'RDATE', 'EXDATE', 'EXRULE']) setProp(comp, name, null);
    const instance = toForm(occurrence, s.start, s.zones);
    setProp(comp, 'RECURRENCE-ID', whenLine('RECURRENCE-ID', instance));
    setTimes(comp, instance, undefined, s.zones);
    applyPatch(comp, own, s.zones);
    stamp(comp, opts.nowMs, (Number.parseInt(prop(s.master, 'SEQUENCE')?.value ?? '0', 10) || 0) + 1);
    overrides.push(comp);
  }
  return { master: componentText(s.master), overrides: texts(overrides) };
}

const TEXT_PROPS = ['SUMMARY', 'LOCATION', 'DESCRIPTION', 'STATUS', 'CATEGORIES'] as const;

/** "All": patch the master; when its start moves, EXDATEs, RDATEs and overrides' RECURRENCE-IDs move with it. */
function editAll(s: LoadedSeries, patch: EventPatch, opts: EditOptions): EditResult {
  const before = cloneComponent(s.master);
  applyPatch(s.master, patch, s.zones);
  stamp(s.master, opts.nowMs);
  if (!s.recurring && patch.rrule === undefined) return { master: componentText(s.master), overrides: [] };
  if (patch.rrule === null) {
    // No recurrence left: its exceptions have nothing to apply to.
    for (const name of ['RDATE', 'EXDATE']) setProp(s.master, name, null);
    return { master: componentText(s.master), overrides: [] };
  }
  const to = readWhen(s.master, 'DTSTART') ?? s.start;
  const moved = !sameWhen(to, s.start);
  if (moved) {
    rewriteDates(s.master, 'EXDATE', (w) => rekey(w, s.start, to, s.zones));
    rewriteDates(s.master, 'RDATE', (w) => rekey(w, s.start, to, s.zones));
  }
  for (const o of s.overrides) {
    const rid = recurrenceIdOf(o);
    if (moved && rid) moveOverride(o, rid, rekey(rid, s.start, to, s.zones), s.zones);
    // Google's rule: an override that still had the master's old value follows the new one; a customised one keeps its own.
    let touched = moved;
    for (const name of TEXT_PROPS) {
      const old = lineOf(before, name);
      const now = lineOf(s.master, name);
      if (old !== now && lineOf(o, name) === old) {
        setProp(o, name, now ?? null);
        touched = true;
      }
    }
    if (touched) stamp(o, opts.nowMs);
  }
  return { master: componentText(s.master), overrides: texts(s.overrides) };
}

const lineOf = (comp: Component, name: string): string | undefined =>
  comp.items.find((i): i is string => typeof i === 'string' && new RegExp(`^${name}[;:]`, 'i').test(i));

/**
 * Edits one instance, this and the following ones, or the whole series, writing what RFC 5545 clients expect.
 * `occurrence` is the instance's original start (its RECURRENCE-ID). Unknown properties stay verbatim.
 */
export function editOccurrence(series: SeriesTexts, occurrence: When, scope: EditScope, patch: EventPatch, opts: EditOptions): EditResult {
  const s = loadSeries(series, opts.zones);
  if (!s.recurring || scope === 'all') return editAll(s, patch, opts);
  if (scope === 'this') return editThis(s, occurrence, patch, opts);
  return editFollowing(s, occurrence, patch, opts) ?? editAll(s, patch, opts);
}

/** Deletes one instance (EXDATE), this and the following (UNTIL), or everything. */
export function deleteOccurrence(series: SeriesTexts, occurrence: When, scope: EditScope, opts: EditOptions): EditResult {
  const s = loadSeries(series, opts.zones);
  if (!s.recurring || scope === 'all') return { master: null, overrides: [] };
  if (scope === 'following') return splitMaster(s, occurrence, opts) ?? { master: null, overrides: [] };
  const instance = toForm(occurrence, s.start, s.zones);
  // A new EXDATE line in the DTSTART's form; the existing EXDATE lines stay verbatim.
  const items = [...s.master.items];
  const last = items.findLastIndex((i) => typeof i === 'string' && /^(EXDATE|RDATE|RRULE)[;:]/i.test(i));
  const firstChild = items.findIndex((i) => typeof i !== 'string');
  items.splice(last >= 0 ? last + 1 : firstChild >= 0 ? firstChild : items.length, 0, whenLine('EXDATE', instance));
  s.master.items = items;
  stamp(s.master, opts.nowMs);
  const index = overrideIndex(s, occurrence);
  return { master: componentText(s.master), overrides: texts(s.overrides.filter((_, i) => i !== index)) };
}
