import { Flame, Keyboard } from 'lucide-react';
import { altShortcutLabel, isMac, shortcutLabel } from '../lib/shortcuts';
import { cx } from '../ui/cx';
import { MODULES } from './modules';
import type { ShellView } from './navigation.store';

/**
 * The module list on the left. Each entry names its shortcut: Ctrl/⌘+digit, and Alt+digit, which a
 * browser does not keep for itself (browser mode). Below 1024 px wide it shrinks to icons (names in
 * tooltips and for screen readers), so the page keeps its room at 800×600.
 */
export function Sidebar({ current, onNavigate, onHelp }: { current: ShellView; onNavigate(view: ShellView): void; onHelp(): void }) {
  return (
    <aside className="flex w-[216px] shrink-0 flex-col border-r border-line bg-canvas max-lg:w-14">
      <div className="flex h-12 items-center gap-2 px-4 max-lg:justify-center max-lg:px-0">
        <span className="flex size-6 items-center justify-center rounded-md bg-accent text-on-accent">
          <Flame className="size-3.5" aria-hidden strokeWidth={2.5} />
        </span>
        <span className="text-sm font-semibold tracking-tight text-text max-lg:sr-only">Hearth</span>
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
                  aria-keyshortcuts={`${isMac ? 'Meta' : 'Control'}+${module.shortcut} Alt+${module.shortcut}`}
                  title={`${module.label} (${shortcutLabel(module.shortcut)} or ${altShortcutLabel(module.shortcut)})`}
                  className={cx(
                    'group flex h-8 w-full items-center gap-2.5 rounded-md px-2.5 text-left text-[13px] transition-colors max-lg:justify-center max-lg:px-0',
                    active ? 'bg-hover font-medium text-text' : 'text-muted hover:bg-hover/70 hover:text-text',
                  )}
                >
                  <Icon className={cx('size-4 shrink-0', active ? 'text-accent' : 'text-faint group-hover:text-muted')} aria-hidden />
                  <span className="flex-1 truncate max-lg:sr-only">{module.label}</span>
                  <span
                    aria-hidden
                    className="text-[11px] text-faint opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100 max-lg:hidden"
                  >
                    {altShortcutLabel(module.shortcut)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="px-2">
        <button
          type="button"
          onClick={onHelp}
          title="Keyboard shortcuts (?)"
          aria-keyshortcuts="Shift+?"
          className="flex h-8 w-full items-center gap-2.5 rounded-md px-2.5 text-left text-[13px] text-muted transition-colors hover:bg-hover/70 hover:text-text max-lg:justify-center max-lg:px-0"
        >
          <Keyboard className="size-4 shrink-0 text-faint" aria-hidden />
          <span className="flex-1 truncate max-lg:sr-only">Keyboard shortcuts</span>
        </button>
      </div>
      <p className="px-4 py-3 text-[11px] text-faint max-lg:sr-only">Hearth {__HEARTH_VERSION__}</p>
    </aside>
  );
}
