import { ListTodo, SearchX } from 'lucide-react';
import { useGoalsStore } from '../goals.store';
import { FilterBar } from './FilterBar';
import { filterSize } from './task-helpers';
import { TaskRows } from './TaskRows';
import { QUICK_ADD_EXAMPLE, ViewState } from './ViewState';

/** Every task matching the filter bar (open ones unless "Completed too"), most urgent first. */
export function TaskListView() {
  const list = useGoalsStore((s) => s.list);
  const filtered = useGoalsStore((s) => filterSize(s.filter) > 0);
  const epoch = useGoalsStore((s) => s.filterEpoch);
  return (
    <div className="flex min-h-0 min-w-0 flex-col" data-testid="task-list-view">
      <FilterBar key={epoch} />
      <ViewState
        hasData={list !== null}
        empty={list?.length === 0}
        emptyIcon={filtered ? SearchX : ListTodo}
        emptyTitle={filtered ? 'No task matches this filter' : 'No open tasks'}
        emptyText={filtered ? <p>Clear a condition, or tick “Completed too”.</p> : <p>Add one with the bar above, e.g. “{QUICK_ADD_EXAMPLE}”.</p>}
        what="Tasks"
      >
        <div className="p-3">
          <TaskRows tasks={list ?? []} label="Tasks" />
          {list && list.length >= 500 ? <p className="px-2.5 pt-2 text-[12px] text-muted">Showing the first 500: narrow the filter to see the rest.</p> : null}
        </div>
      </ViewState>
    </div>
  );
}
