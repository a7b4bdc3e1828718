import type { OverlayItem } from '../calendar-types';

const OVERLAY_WHAT: Record<OverlayItem['layer'], string> = { batches: 'Batch expires', tasks: 'Task due', vault: 'Expires' };
const SOURCE_WHAT = { task: 'Task due', milestone: 'Milestone', goal: 'Goal target', vtodo: 'Task due' } as const;

/**
 * What an overlay chip says to a screen reader and in its tooltip: "Batch expires: Rye loaf", "Task due: pay rent",
 * "Task due: call Ana, 15:00", "Milestone: B1 exam, done", "Task due: Renew the domain · Work" (a calendar's VTODO).
 */
export function overlayLabel(item: Pick<OverlayItem, 'layer' | 'title' | 'source' | 'time' | 'done'>): string {
  const s = item.source;
  if (!s) return `${OVERLAY_WHAT[item.layer]}: ${item.title}`;
  const where = s.kind === 'vtodo' ? ` · ${s.calendar}` : '';
  return `${SOURCE_WHAT[s.kind]}: ${item.title}${item.time ? `, ${item.time}` : ''}${item.done ? ', done' : ''}${where}`;
}
