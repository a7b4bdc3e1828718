import { BarChart3, CalendarCheck, CalendarRange, Columns3, Compass, Filter, History, ListTodo, NotebookPen, Repeat2, X, type LucideIcon } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../ui/cx';
import { useGoalsStore } from './goals.store';
import type { GoalsSection } from './goals-state';
import { sameFilter } from './tasks/task-helpers';

interface Item {
  id: GoalsSection;
  label: string;
  icon: LucideIcon;
  /** The page key that opens it (shown in the tooltip). */
  key?: string;
}

// Saved filters are listed under Tasks, the third item.
const TASK_ITEMS: Item[] = [
  { id: 'today', label: 'Today', icon: CalendarCheck, key: 'T' },
  { id: 'upcoming', label: 'Upcoming', icon: CalendarRange, key: 'U' },
  { id: 'tasks', label: 'Tasks', icon: ListTodo, key: '/' },
  { id: 'board', label: 'Board', icon: Columns3, key: 'B' },
  { id: 'logbook', label: 'Logbook', icon: History, key: 'L' },
];
const GOAL_ITEMS: Item[] = [
  { id: 'goals', label: 'Goals', icon: Compass },
  { id: 'habits', label: 'Habits', icon: Repeat2 },
  { id: 'analytics', label: 'Analytics', icon: BarChart3 },
  { id: 'review', label: 'Review', icon: NotebookPen },
];

/**
 * The page's own navigation: the task views (with the saved filters under Tasks), then goals, habits, analytics and
 * the weekly review. In a narrow page (below 780 px, as in an 800 px window) it folds to an icon rail; labels stay for screen readers.
 */
export function GoalsNav() {
  const { section, filters, filter, todayCount } = useGoalsStore(
    useShallow((s) => ({
      section: s.section,
      filters: s.filters,
      filter: s.filter,
      todayCount: s.today ? s.today.overdue.length + s.today.due.length : null,
    })),
  );
  const store = useGoalsStore.getState();
  const button = (item: Item) => (
    <li key={item.id}>
      <button
        type="button"
        onClick={() => store.setSection(item.id)}
        aria-current={section === item.id ? 'page' : undefined}
        title={item.key ? `${item.label} (${item.key})` : item.label}
        data-testid={`goals-nav-${item.id}`}
        className={cx(
          'flex h-8 w-full min-w-0 items-center gap-2.5 rounded-md px-2 text-[13px]',
          section === item.id ? 'bg-accent-soft font-medium text-text' : 'text-muted hover:bg-hover hover:text-text',
        )}
      >
        <item.icon className="size-4 shrink-0" aria-hidden />
        <span className="truncate @max-[780px]:sr-only">{item.label}</span>
        {item.id === 'today' && todayCount ? <span className="ml-auto text-[11px] text-faint @max-[780px]:hidden">{todayCount}</span> : null}
      </button>
    </li>
  );
  return (
    <nav
      aria-label="Goals sections"
      className="flex w-[176px] shrink-0 flex-col gap-3 overflow-y-auto border-r border-line p-2 @max-[780px]:w-12 @max-[780px]:px-1.5"
    >
      <ul className="flex flex-col gap-px">
        {TASK_ITEMS.slice(0, 3).map(button)}
        {filters.length ? (
          <li className="@max-[780px]:hidden">
            <ul aria-label="Saved filters" className="ml-4 flex flex-col gap-px border-l border-line pl-1.5" data-testid="saved-filters">
              {filters.map((f) => {
                const current = section === 'tasks' && sameFilter(f.filter, filter);
                return (
                  <li key={f.id} className="group flex min-w-0 items-center">
                    <button
                      type="button"
                      onClick={() => {
                        store.setFilter(f.filter, true);
                        store.setSection('tasks');
                      }}
                      aria-current={current ? 'true' : undefined}
                      data-testid="saved-filter"
                      className={cx(
                        'flex h-7 min-w-0 flex-1 items-center gap-1.5 rounded-md px-1.5 text-[12px]',
                        current ? 'bg-accent-soft text-text' : 'text-muted hover:bg-hover hover:text-text',
                      )}
                    >
                      <Filter className="size-3 shrink-0" aria-hidden />
                      <span className="truncate">{f.name}</span>
                    </button>
                    <button
                      type="button"
                      aria-label={`Delete saved filter “${f.name}”`}
                      onClick={() => void store.deleteFilter(f.id)}
                      className="invisible rounded p-1 text-faint group-hover:visible hover:text-danger focus:visible"
                    >
                      <X className="size-3" aria-hidden />
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ) : null}
        {TASK_ITEMS.slice(3).map(button)}
      </ul>
      <ul className="flex flex-col gap-px border-t border-line pt-3">{GOAL_ITEMS.map(button)}</ul>
    </nav>
  );
}
