import * as Menu from '@radix-ui/react-dropdown-menu';
import type { LucideIcon } from 'lucide-react';
import { cx } from '../../../ui/cx';
import { useVaultStore, type NameCount } from '../vault.store';

/**
 * Folders or tags as one icon with a menu, for the narrow (icon-only) filter pane. `modal={false}`
 * for the same CSP reason as NewItemMenu.
 */
export function GroupMenu({ title, icon: Icon, kind, entries }: { title: 'Folders' | 'Tags'; icon: LucideIcon; kind: 'folder' | 'tag'; entries: NameCount[] }) {
  const filter = useVaultStore((s) => s.filter);
  const setFilter = useVaultStore((s) => s.setFilter);
  const active = filter.kind === kind;
  return (
    <div className="mt-2 hidden @max-3xl:block">
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <button
            type="button"
            title={title}
            aria-current={active ? 'true' : undefined}
            className={cx(
              'flex h-7 w-full items-center justify-center rounded-md transition-colors',
              active ? 'bg-hover text-accent' : 'text-faint hover:bg-hover/70 hover:text-muted',
            )}
          >
            <Icon className="size-4" aria-hidden />
            <span className="sr-only">{title}</span>
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            side="right"
            align="start"
            sideOffset={6}
            aria-label={title}
            className="animate-fade-in z-50 max-h-[60vh] min-w-[180px] overflow-y-auto rounded-lg border border-line bg-raised p-1 shadow-pop"
          >
            <Menu.Label className="px-2.5 py-1 text-[11px] font-semibold tracking-wide text-faint uppercase">{title}</Menu.Label>
            {entries.map((entry) => (
              <Menu.Item
                key={entry.name}
                onSelect={() => setFilter({ kind, name: entry.name })}
                className="flex h-8 cursor-default items-center gap-2.5 rounded-md px-2.5 text-[13px] text-text outline-none data-[highlighted]:bg-hover"
              >
                <span className="flex-1 truncate">{entry.name}</span>
                <span className="text-[11px] text-faint tabular-nums">{entry.count}</span>
              </Menu.Item>
            ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </div>
  );
}
