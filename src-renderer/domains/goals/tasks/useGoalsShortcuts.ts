import { useEffect } from 'react';
import { useGoalsStore } from '../goals.store';
import { TASK_SECTIONS, type GoalsSection } from '../goals-state';
import { visibleRows } from './rows';
import { neighbourStatus, step } from './task-helpers';

const SECTION_KEYS: Record<string, GoalsSection> = { t: 'today', u: 'upcoming', b: 'board', l: 'logbook' };
const dialogOpen = (): boolean => document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]') !== null;

/** True while the user types in a field (or a control owns the key), where letters are text, not shortcuts. */
function typing(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Space and Enter on a focused button press that button. */
const onButton = (event: KeyboardEvent): boolean => event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;

/**
 * Goals page keys (listed in ShortcutsHelp), without Ctrl/⌘/Alt (Ctrl+digit belongs to the sidebar), never while
 * typing or in a dialog: q/n quick add, t/u/b/l sections, / filter the task list, j/k select, x or Space complete,
 * Enter open, Shift+←/→ move a card on the board, Esc clear the selection.
 */
export function useGoalsShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || dialogOpen() || typing(event)) return;
      const store = useGoalsStore.getState();
      const onTasks = TASK_SECTIONS.includes(store.section);
      const rows = onTasks ? visibleRows(store) : [];
      const row = rows.find((r) => r.key === store.selected) ?? null;
      const key = event.key;
      if ((key === 'q' || key === 'n') && !event.shiftKey) {
        if (!onTasks) store.setSection('today');
        store.focusQuickAdd();
      } else if (SECTION_KEYS[key]) store.setSection(SECTION_KEYS[key]);
      else if (key === '/') {
        store.setSection('tasks');
        store.focusSearch();
      } else if (onTasks && (key === 'j' || key === 'ArrowDown'))
        store.select(
          step(
            rows.map((r) => r.key),
            store.selected,
            1,
          ),
        );
      else if (onTasks && (key === 'k' || key === 'ArrowUp'))
        store.select(
          step(
            rows.map((r) => r.key),
            store.selected,
            -1,
          ),
        );
      else if (row && (key === 'x' || (key === ' ' && !onButton(event))) && !row.locked)
        void (row.completed ? store.uncomplete(row.taskId) : store.complete(row.taskId));
      else if (row && key === 'Enter' && !onButton(event)) store.openEditor(row.taskId);
      else if (row && store.section === 'board' && event.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
        const task = store.board?.find((t) => t.id === row.taskId);
        const to = task ? neighbourStatus(task.completed ? 'done' : task.status, key === 'ArrowLeft' ? -1 : 1) : null;
        if (task && to) void store.setStatus(task.id, to);
      } else if (key === 'Escape' && store.selected) store.select(null);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
