import { Clock, Download, Folder, HeartPulse, Layers, Star, Tag, Trash2, Upload, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../../ui/cx';
import { useVaultStore, type VaultFilter } from '../vault.store';
import { GroupMenu } from './GroupMenu';
import { ITEM_TYPES, TYPE_ORDER } from './ItemIcon';

const sameFilter = (a: VaultFilter, b: VaultFilter): boolean => JSON.stringify(a) === JSON.stringify(b);

function FilterButton({
  icon: Icon,
  label,
  count,
  filter,
  iconClass,
}: {
  icon: LucideIcon;
  label: string;
  count?: number;
  filter: VaultFilter;
  iconClass?: string;
}) {
  const active = useVaultStore((s) => sameFilter(s.filter, filter));
  const setFilter = useVaultStore((s) => s.setFilter);
  return (
    <li>
      <button
        type="button"
        onClick={() => setFilter(filter)}
        aria-current={active ? 'true' : undefined}
        title={label}
        className={cx(
          'group flex h-7 w-full items-center gap-2 rounded-md px-2 text-left text-[13px] transition-colors',
          active ? 'bg-hover font-medium text-text' : 'text-muted hover:bg-hover/70 hover:text-text',
        )}
      >
        <Icon className={cx('size-4 shrink-0', active ? 'text-accent' : (iconClass ?? 'text-faint group-hover:text-muted'))} aria-hidden />
        <span className="flex-1 truncate @max-3xl:sr-only">{label}</span>
        {count !== undefined && count > 0 ? <span className="text-[11px] text-faint tabular-nums @max-3xl:hidden">{count}</span> : null}
      </button>
    </li>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-4 @max-3xl:mt-2">
      <h3 className="px-2 pb-1 text-[11px] font-semibold tracking-wide text-faint uppercase @max-3xl:sr-only">{title}</h3>
      <ul className="flex flex-col gap-px">{children}</ul>
    </div>
  );
}

/**
 * The left pane: views, types, folders, tags, trash, health, and import/export. In a narrow window it
 * shrinks to icons, and folders and tags move into one menu each, so they stay one click away.
 */
export function FilterSidebar({ onImport, onExport }: { onImport(): void; onExport(): void }) {
  const { counts, folders, tags } = useVaultStore(useShallow((s) => ({ counts: s.counts, folders: s.folders, tags: s.tags })));
  return (
    <nav aria-label="Vault filters" className="flex w-[208px] shrink-0 flex-col border-r border-line bg-canvas/60 @max-3xl:w-[52px]">
      <div className="min-h-0 flex-1 overflow-y-auto px-2 py-3">
        <ul className="flex flex-col gap-px">
          <FilterButton icon={Layers} label="All items" count={counts?.all} filter={{ kind: 'all' }} />
          <FilterButton icon={Star} label="Favorites" count={counts?.favorites} filter={{ kind: 'favorites' }} />
          <FilterButton icon={Clock} label="Recently used" filter={{ kind: 'recent' }} />
        </ul>
        <Group title="Types">
          {TYPE_ORDER.map((type) => (
            <FilterButton
              key={type}
              icon={ITEM_TYPES[type].icon}
              label={ITEM_TYPES[type].plural}
              count={counts?.byType[type]}
              filter={{ kind: 'type', type }}
            />
          ))}
        </Group>
        {folders.length > 0 ? <GroupMenu title="Folders" icon={Folder} kind="folder" entries={folders} /> : null}
        {tags.length > 0 ? <GroupMenu title="Tags" icon={Tag} kind="tag" entries={tags} /> : null}
        {folders.length > 0 ? (
          <div className="@max-3xl:hidden">
            <Group title="Folders">
              {folders.map((f) => (
                <FilterButton key={f.name} icon={Folder} label={f.name} count={f.count} filter={{ kind: 'folder', name: f.name }} />
              ))}
            </Group>
          </div>
        ) : null}
        {tags.length > 0 ? (
          <div className="@max-3xl:hidden">
            <Group title="Tags">
              {tags.map((t) => (
                <FilterButton key={t.name} icon={Tag} label={t.name} count={t.count} filter={{ kind: 'tag', name: t.name }} />
              ))}
            </Group>
          </div>
        ) : null}
        <Group title="Tools">
          <FilterButton icon={HeartPulse} label="Password health" filter={{ kind: 'health' }} />
          <FilterButton icon={Trash2} label="Trash" count={counts?.trash} filter={{ kind: 'trash' }} />
        </Group>
      </div>
      <div className="flex flex-col gap-px border-t border-line p-2">
        <SideAction icon={Upload} label="Import…" onClick={onImport} />
        <SideAction icon={Download} label="Export…" onClick={onExport} />
      </div>
    </nav>
  );
}

function SideAction({ icon: Icon, label, onClick }: { icon: LucideIcon; label: string; onClick(): void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={label}
      className="flex h-7 w-full items-center gap-2 rounded-md px-2 text-left text-[13px] text-muted transition-colors hover:bg-hover hover:text-text"
    >
      <Icon className="size-4 shrink-0 text-faint" aria-hidden />
      <span className="truncate @max-3xl:sr-only">{label}</span>
    </button>
  );
}
