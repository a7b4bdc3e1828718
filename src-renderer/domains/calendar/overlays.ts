import { api } from '../../api/client';
import { addDays, todayIn } from '../../../src-shared/lib/local-date';
import type { OverlayItem, OverlayLayer } from './calendar-types';

const PREFS = 'hearth.calendar.overlays';
export const OVERLAY_LAYERS: readonly OverlayLayer[] = ['batches', 'tasks', 'journal', 'vault'];
export const DEFAULT_OVERLAYS: Record<OverlayLayer, boolean> = { batches: true, tasks: true, journal: true, vault: true };

/** Which overlays are on: UI preference only (no record data), kept in localStorage like the theme. */
export function loadOverlayPrefs(): Record<OverlayLayer, boolean> {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(PREFS) ?? '{}');
    const out = { ...DEFAULT_OVERLAYS };
    if (saved && typeof saved === 'object')
      for (const layer of Object.keys(out) as OverlayLayer[])
        if (typeof Reflect.get(saved, layer) === 'boolean') out[layer] = Reflect.get(saved, layer) as boolean;
    return out;
  } catch {
    return { ...DEFAULT_OVERLAYS };
  }
}

export function saveOverlayPrefs(prefs: Record<OverlayLayer, boolean>): void {
  try {
    localStorage.setItem(PREFS, JSON.stringify(prefs));
  } catch {
    // Storage full or disabled: the toggles still work for this session.
  }
}

const dayItem = (layer: OverlayItem['layer'], recordId: string, date: string, title: string, extra?: Partial<OverlayItem>): OverlayItem => ({
  kind: 'overlay',
  layer,
  recordId,
  title,
  key: `${layer}:${recordId}:${date}`,
  startMs: Date.parse(`${date}T00:00:00Z`),
  endMs: Date.parse(`${date}T00:00:00Z`) + 86_400_000,
  allDay: true,
  startDate: date,
  endDate: addDays(date, 1),
  ...extra,
});

export interface OverlayData {
  items: OverlayItem[];
  /** Journal entries per day (a dot in the day's header). */
  journal: Map<string, number>;
  /** Layers that could not be read (journal locked, module failing): shown quietly in the rail. */
  failed: OverlayLayer[];
}

/**
 * The "Tasks" layer has two sources, told apart on the chip: Hearth's own tasks, milestones and goal target dates
 * (the goals module; a repeating task once on each day it falls on), and the VTODOs of CalDAV and imported calendars
 * (kept in the calendar so they sync back). Done goals items stay, struck through; done VTODOs are left out, as before.
 * One source failing still shows the other; the layer is then marked failed.
 */
async function loadTaskLayer(from: string, to: string, zone: string): Promise<{ items: OverlayItem[]; ok: boolean }> {
  const fromIso = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString();
  const toIso = new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000).toISOString();
  const [goals, vtodos] = await Promise.allSettled([
    api.goals.overlay({ from, to }),
    api.calendar.listTasks({ from: fromIso, to: toIso }).then(async (tasks) => ({
      tasks,
      // Names only when there is something to label (most profiles keep their tasks in Goals).
      names: new Map(tasks.length ? (await api.calendar.listCalendars()).map((c) => [c.id, c.name]) : []),
    })),
  ]);
  const items: OverlayItem[] = [];
  if (goals.status === 'fulfilled')
    for (const g of goals.value) {
      if (g.date < from || g.date > to) continue;
      // A milestone opens its goal; a task and a goal target open themselves.
      const opens = g.kind === 'milestone' ? (g.goalId ?? g.id) : g.id;
      items.push(dayItem('tasks', g.id, g.date, g.title, { source: { kind: g.kind, opens }, time: g.time, done: g.completed }));
    }
  if (vtodos.status === 'fulfilled')
    for (const t of vtodos.value.tasks) {
      if (t.completed || !t.due) continue;
      const date = t.due.kind === 'date' ? t.due.date : t.dueAt ? todayIn(zone, Date.parse(t.dueAt)) : null;
      const calendar = vtodos.value.names.get(t.calendarId) ?? 'Calendar';
      if (date && date >= from && date <= to) items.push(dayItem('tasks', t.id, date, t.title, { source: { kind: 'vtodo', calendar } }));
    }
  return { items, ok: goals.status === 'fulfilled' && vtodos.status === 'fulfilled' };
}

/**
 * Reads the switched-on overlays for days `from`…`to` (inclusive) in `zone`. Each layer fails alone: a batch
 * error must not hide the journal dots. Tasks without a due date are not drawn.
 */
export async function loadOverlays(on: Record<OverlayLayer, boolean>, from: string, to: string, zone: string): Promise<OverlayData> {
  const failed: OverlayLayer[] = [];
  const guard = async <T>(layer: OverlayLayer, read: () => Promise<T>): Promise<T | null> => {
    if (!on[layer]) return null;
    try {
      return await read();
    } catch {
      failed.push(layer);
      return null;
    }
  };
  const [batches, tasks, heat, vault] = await Promise.all([
    guard('batches', () => api.batches.expiryEvents({ from, to })),
    guard('tasks', () => loadTaskLayer(from, to, zone)),
    guard('journal', () => api.journal.heatmap({ from, to })),
    // SECURITY: the vault answers with a title, a date and a phrase only (never a number or code).
    guard('vault', () => api.vault.expiries({ from, to })),
  ]);
  const items: OverlayItem[] = [];
  for (const b of batches ?? []) items.push(dayItem('batches', b.batchId, b.date, b.title));
  for (const v of vault ?? []) items.push(dayItem('vault', v.itemId, v.date, v.what ? `${v.title} · ${v.what}` : v.title));
  if (tasks) {
    items.push(...tasks.items);
    if (!tasks.ok) failed.push('tasks');
  }
  const journal = new Map<string, number>();
  for (const d of heat ?? []) if (d.count > 0) journal.set(d.date, d.count);
  return { items, journal, failed };
}

/** A journal dot opens that day's first entry in the journal (through open-record, like every cross-module link). */
export async function openJournalDay(date: string): Promise<void> {
  const { openRecord } = await import('../../app/open-record');
  const page = await api.journal.list({ from: date, to: date, limit: 1 });
  const first = page.entries[0];
  if (first) await openRecord({ domain: 'journal', id: first.id });
}
