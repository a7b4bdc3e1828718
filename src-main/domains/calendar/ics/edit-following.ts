import { remainingRule, untilFor, type When } from '../../../../src-shared/lib/recurrence';
import { AppError } from '../../../../src-shared/ipc/result';
import { cloneComponent, componentText, setProp, setProps, type Component } from './component';
import {
  keyOf,
  moveOverride,
  newUidDefault,
  orderOf,
  recurrenceIdOf,
  rekey,
  rewriteDates,
  texts,
  uidLine,
  type EditOptions,
  type EditResult,
  type LoadedSeries,
} from './edit-core';
import { applyPatch, readWhen, setTimes, stamp, utcStamp, type EventPatch } from './patch';
import { toForm } from './when';

/** With several RRULEs (Zimbra writes two), one may have no instance on one side of the split: that half drops it. */
function orNothing(rule: () => string): string[] {
  try {
    return [rule()];
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_INPUT') return [];
    throw error;
  }
}

interface Cut {
  result: EditResult;
  /** Overrides at or after the split, removed from the old series. */
  later: Component[];
  /** The split instance in the DTSTART's form. */
  instance: When;
  /** The master as it was before the cut. */
  original: Component;
}

/**
 * Ends the series just before `occurrence`: each RRULE gets H1's UNTIL (a COUNT rule is re-counted), RDATEs and
 * EXDATEs at or after the split go, and so do the overrides there. null when the split is at (or before) the first
 * instance: then "this and following" is the whole series.
 */
function cut(s: LoadedSeries, occurrence: When, opts: EditOptions): Cut | null {
  const instance = toForm(occurrence, s.start, s.zones);
  const at = orderOf(s, instance);
  if (at <= orderOf(s, s.start) || keyOf(s, instance) === keyOf(s, s.start)) return null;
  const original = cloneComponent(s.master);
  const rules = s.spec.rrules.flatMap((_, ruleIndex) => orNothing(() => `RRULE:${untilFor(s.spec, instance, { ruleIndex, zones: s.zones })}`));
  if (s.spec.rrules.length > 0) setProps(s.master, 'RRULE', rules);
  const before = (w: When): When | null => (orderOf(s, w) < at ? w : null);
  rewriteDates(s.master, 'RDATE', before);
  rewriteDates(s.master, 'EXDATE', before);
  stamp(s.master, opts.nowMs);
  const kept: Component[] = [];
  const later: Component[] = [];
  for (const o of s.overrides) {
    const rid = recurrenceIdOf(o);
    (rid && orderOf(s, rid) >= at ? later : kept).push(o);
  }
  return { result: { master: componentText(s.master), overrides: texts(kept) }, later, instance, original };
}

/** "Delete this and following". */
export function splitMaster(s: LoadedSeries, occurrence: When, opts: EditOptions): EditResult | null {
  return cut(s, occurrence, opts)?.result ?? null;
}

/**
 * "This and following": the old series ends before the instance; a new series (new UID) starts at the patched
 * instance with the rest of the rule, and takes the later RDATEs, EXDATEs and overrides, re-keyed to its UID and
 * moved by the same delta as the start. null when the instance is the first one (the caller edits the whole series).
 */
export function editFollowing(s: LoadedSeries, occurrence: When, patch: EventPatch, opts: EditOptions): EditResult | null {
  const c = cut(s, occurrence, opts);
  if (!c) return null;
  const uid = (opts.newUid ?? newUidDefault)();
  const next = c.original;
  setProp(next, 'UID', uidLine(uid));
  const rules = s.spec.rrules.flatMap((_, ruleIndex) => orNothing(() => `RRULE:${remainingRule(s.spec, c.instance, { ruleIndex, zones: s.zones })}`));
  setProps(next, 'RRULE', rules);
  const at = orderOf(s, c.instance);
  const after = (w: When): When | null => (orderOf(s, w) >= at ? w : null);
  rewriteDates(next, 'RDATE', after);
  rewriteDates(next, 'EXDATE', after);
  setTimes(next, c.instance, undefined, s.zones);
  applyPatch(next, patch, s.zones);
  const to = readWhen(next, 'DTSTART') ?? c.instance;
  rewriteDates(next, 'RDATE', (w) => rekey(w, c.instance, to, s.zones));
  rewriteDates(next, 'EXDATE', (w) => rekey(w, c.instance, to, s.zones));
  setProp(next, 'CREATED', `CREATED:${utcStamp(opts.nowMs)}`);
  stamp(next, opts.nowMs, 0);
  for (const o of c.later) {
    const rid = toForm(recurrenceIdOf(o) as When, s.start, s.zones);
    moveOverride(o, rid, rekey(rid, c.instance, to, s.zones), s.zones, uid);
    stamp(o, opts.nowMs);
  }
  return { ...c.result, newSeries: { master: componentText(next), overrides: texts(c.later) } };
}
