import { Button } from '../../../ui/Button';
import type { Conflict } from './editor-data';

const stamp = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
/** A short local date and time, or a dash. */
export const at = (iso: string | null): string => (iso ? stamp.format(Date.parse(iso)) : '—');

/** Sync conflicts: both versions side by side, "Keep mine" or "Keep server's". */
export function ConflictList({ conflicts: list, onKeep }: { conflicts: Conflict[]; onKeep(id: string, keep: 'local' | 'remote'): void }) {
  if (list.length === 0) return null;
  return (
    <section aria-label="Sync conflicts" className="flex flex-col gap-2">
      <h3 className="text-xs font-semibold text-faint uppercase">Conflicts</h3>
      {list.map((c) => (
        <div key={c.id} className="flex items-center gap-2 rounded-lg border border-warning/30 bg-warning-soft p-2.5" data-testid="cal-conflict">
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{c.title}</p>
            <p className="truncate text-xs text-muted">
              {`Mine: ${c.localTitle} (${at(c.localStart)}) · Server: `}
              {c.remoteDeleted ? 'deleted' : `${c.remoteTitle} (${at(c.remoteStart)})`}
            </p>
          </div>
          <Button size="sm" onClick={() => onKeep(c.id, 'local')}>
            Keep mine
          </Button>
          <Button size="sm" onClick={() => onKeep(c.id, 'remote')}>
            Keep server's
          </Button>
        </div>
      ))}
    </section>
  );
}
