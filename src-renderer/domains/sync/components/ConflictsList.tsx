import { History } from 'lucide-react';
import { formatDateTime } from '../../files';
import { useSyncStore } from '../sync.store';
import { tableWords } from '../sync-format';

/**
 * Values that lost a conflict (two devices changed the same field; the later change won): what, which field, the
 * losing value and when. They stay in the item's history; nothing here changes data.
 */
export function ConflictsList() {
  const conflicts = useSyncStore((s) => s.conflicts);
  if (!conflicts || conflicts.length === 0) {
    return (
      <p className="flex items-center gap-2 px-4 py-3 text-[13px] text-muted" data-testid="sync-conflicts-empty">
        <History className="size-4 shrink-0" aria-hidden />
        No conflicts. When two devices change the same thing, the later change wins and the other value is kept here.
      </p>
    );
  }
  return (
    <div className="max-h-64 overflow-y-auto px-2 py-1">
      <table className="w-full table-fixed text-left text-xs" data-testid="sync-conflicts">
        <thead className="text-muted">
          <tr>
            <th className="w-[28%] px-2 py-1.5 font-medium">Item</th>
            <th className="w-[18%] px-2 py-1.5 font-medium">Field</th>
            <th className="px-2 py-1.5 font-medium">Value that lost</th>
            <th className="w-[24%] px-2 py-1.5 font-medium">When</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {conflicts.map((c) => (
            <tr key={c.id}>
              <td className="truncate px-2 py-1.5 text-text" title={c.rowId}>
                {tableWords(c.table)}
              </td>
              <td className="truncate px-2 py-1.5 text-muted">{c.field === '*' ? 'whole change' : c.field.replace(/_/g, ' ')}</td>
              <td className="truncate px-2 py-1.5 font-mono text-text" title={c.value}>
                {c.value}
              </td>
              <td className="truncate px-2 py-1.5 text-muted">{formatDateTime(c.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
