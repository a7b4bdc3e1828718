import { Flame } from 'lucide-react';
import { isMac } from '../lib/shortcuts';
import { cx } from '../ui/cx';
import { MODULES } from './modules';
import type { ShellView } from './navigation.store';

/** The module list on the left. Each entry names its Ctrl/⌘+digit shortcut. */
export function Sidebar({ current, onNavigate }: { current: ShellView; onNavigate(view: ShellView): void }) {
  return (
    <aside className="flex w-[216px] shrink-0 flex-col border-r border-line bg-canvas">
      <div className="flex h-12 items-center gap-2 px-4">
        <span className="flex size-6 items-center justify-center rounded-md bg-accent text-on-accent">
          <Flame className="size-3.5" aria-hidden strokeWidth={2.5} />
        </span>
        <span className="text-sm font-semibold tracking-tight text-text">Hearth</span>
      </div>
      <nav aria-label="Modules" className="flex-1 px-2 pt-2">
        <ul className="flex flex-col gap-px">
          {MODULES.map((module) => {
            const active = module.id === current;
            const Icon = module.icon;
            return (
              <li key={module.id}>
                <button
                  type="button"
                  onClick={() => onNavigate(module.id)}
                  aria-current={active ? 'page' : undefined}
                  aria-keyshortcuts={`${isMac ? 'Meta' : 'Control'}+${module.shortcut}`}
                  className={cx(
                    'group flex h-8 w-full items-center gap-2.5 rounded-md px-2.5 text-left text-[13px] transition-colors',
                    active ? 'bg-hover font-medium text-text' : 'text-muted hover:bg-hover/70 hover:text-text',
                  )}
                >
                  <Icon className={cx('size-4 shrink-0', active ? 'text-accent' : 'text-faint group-hover:text-muted')} aria-hidden />
                  <span className="flex-1 truncate">{module.label}</span>
                  <span aria-hidden className="text-[11px] text-faint opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100">
                    {isMac ? '⌘' : 'Ctrl '}
                    {module.shortcut}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="px-4 py-3 text-[11px] text-faint">Hearth {__HEARTH_VERSION__}</p>
    </aside>
  );
}
