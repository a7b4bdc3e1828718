import { Calendar, Clock, Download, Hash, History, Image, Layers, LineChart, Lock, Plus, Star, Trash2, Upload, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../../ui/cx';
import { COLOR_DOT, ICONS } from '../journal-style';
import type { JournalView } from '../journal-types';
import { useJournalStore } from '../journal.store';

function Item({
  icon: Icon,
  label,
  count,
  active,
  onClick,
  lead,
}: {
  icon?: LucideIcon;
  label: string;
  count?: number;
  active: boolean;
  onClick(): void;
  lead?: ReactNode;
}) {
  return (
    <li>
      <button
        type="button"
        onClick={onClick}
        aria-current={active ? 'true' : undefined}
        title={label}
        className={cx(
          'group flex h-7 w-full items-center gap-2 rounded-md px-2 text-left text-[13px] transition-colors',
          active ? 'bg-hover font-medium text-text' : 'text-muted hover:bg-hover/70 hover:text-text',
        )}
      >
        {lead ?? (Icon ? <Icon className={cx('size-4 shrink-0', active ? 'text-accent' : 'text-faint group-hover:text-muted')} aria-hidden /> : null)}
        <span className="flex-1 truncate @max-3xl:sr-only">{label}</span>
        {count !== undefined && count > 0 ? <span className="text-[11px] text-faint tabular-nums @max-3xl:hidden">{count}</span> : null}
      </button>
    </li>
  );
}

function Group({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <div className="mt-4 @max-3xl:mt-2">
      <div className="flex items-center justify-between px-2 pb-1 @max-3xl:sr-only">
        <h3 className="text-[11px] font-semibold tracking-wide text-faint uppercase">{title}</h3>
        {action}
      </div>
      <ul className="flex flex-col gap-px">{children}</ul>
    </div>
  );
}

const VIEWS: { id: JournalView; label: string; icon: LucideIcon }[] = [
  { id: 'timeline', label: 'Timeline', icon: Clock },
  { id: 'calendar', label: 'Calendar', icon: Calendar },
  { id: 'onthisday', label: 'On this day', icon: History },
  { id: 'media', label: 'Media', icon: Image },
  { id: 'checkins', label: 'Check-ins', icon: LineChart },
];

/** Journals (colour, icon, lock), views, tags and the trash; import and export at the bottom. */
export function JournalSidebar({ onNewJournal, onImport, onExport }: { onNewJournal(): void; onImport(): void; onExport(): void }) {
  const { journals, tags, view, filter } = useJournalStore(useShallow((s) => ({ journals: s.journals, tags: s.tags, view: s.view, filter: s.filter })));
  const { setView, setFilter, pickJournal } = useJournalStore(useShallow((s) => ({ setView: s.setView, setFilter: s.setFilter, pickJournal: s.pickJournal })));
  const total = journals.reduce((n, j) => n + (j.privacy === 'locked' && !j.open ? 0 : j.entryCount), 0);
  return (
    <nav aria-label="Journal" className="flex w-[208px] shrink-0 flex-col border-r border-line bg-canvas/60 @max-3xl:w-[52px]">
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-3">
        <ul className="flex flex-col gap-px">
          {VIEWS.map((v) => (
            <Item key={v.id} icon={v.icon} label={v.label} active={view === v.id} onClick={() => setView(v.id)} />
          ))}
        </ul>
        <Group
          title="Journals"
          action={
            <button type="button" onClick={onNewJournal} aria-label="New journal" title="New journal" className="rounded text-faint hover:text-text">
              <Plus className="size-3.5" aria-hidden />
            </button>
          }
        >
          <Item
            icon={Layers}
            label="All journals"
            count={total}
            active={filter.journalId === null && !filter.starred}
            onClick={() => setFilter({ journalId: null, starred: false })}
          />
          <Item icon={Star} label="Starred" active={filter.starred} onClick={() => setFilter({ starred: !filter.starred })} />
          {journals.map((j) => {
            const JIcon = ICONS[j.icon];
            const closed = j.privacy === 'locked' && !j.open;
            return (
              <Item
                key={j.id}
                label={closed ? `${j.name} (locked)` : j.name}
                count={closed ? undefined : j.entryCount}
                active={filter.journalId === j.id}
                onClick={() => pickJournal(j)}
                lead={
                  <span className="flex shrink-0 items-center gap-1.5">
                    <span className={cx('size-2 rounded-full', COLOR_DOT[j.color])} aria-hidden />
                    {closed ? <Lock className="size-3.5 text-faint" aria-hidden /> : <JIcon className="size-3.5 text-faint" aria-hidden />}
                  </span>
                }
              />
            );
          })}
          <li className="hidden @max-3xl:block">
            <button
              type="button"
              onClick={onNewJournal}
              aria-label="New journal"
              className="flex h-7 w-full items-center justify-center rounded-md text-faint hover:bg-hover"
            >
              <Plus className="size-4" aria-hidden />
            </button>
          </li>
        </Group>
        {tags.length > 0 ? (
          <Group title="Tags">
            {tags.map((t) => (
              <Item
                key={t.tag}
                icon={Hash}
                label={t.tag}
                count={t.count}
                active={filter.tag === t.tag}
                onClick={() => setFilter({ tag: filter.tag === t.tag ? null : t.tag })}
              />
            ))}
          </Group>
        ) : null}
        <ul className="mt-4 flex flex-col gap-px">
          <Item icon={Trash2} label="Trash" active={view === 'trash'} onClick={() => setView('trash')} />
        </ul>
      </div>
      <div className="flex flex-col gap-px border-t border-line px-2 py-2">
        <ul className="flex flex-col gap-px">
          <Item icon={Upload} label="Import…" active={false} onClick={onImport} />
          <Item icon={Download} label="Export…" active={false} onClick={onExport} />
        </ul>
      </div>
    </nav>
  );
}
