import { create } from 'zustand';
import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';
import { initialGoalsState, type GoalsState } from './goals-state';
import { cleanFilter, dayLabel } from './tasks/task-helpers';

export type { GoalsSection, GoalsState } from './goals-state';

/** Bumped on every load, so an answer for an older section or filter is dropped. */
let loadSeq = 0;
let noticeSeq = 0;
/** Completed tasks on the board's Done column (the rest are in the Logbook). */
const BOARD_DONE = 30;

/**
 * The Goals page: which section is shown, the task views' data (Today, Upcoming, the filtered list, the board,
 * the Logbook), goals/projects/saved filters for pickers and quick add, the selection and the open editor.
 * Every write reloads through the `goals:changed` event too (another window, the CLI, an import).
 */
export const useGoalsStore = create<GoalsState>()((set, get) => {
  async function fetchSection(): Promise<Partial<GoalsState>> {
    const { section, filter } = get();
    switch (section) {
      case 'today':
        return { today: await api.goals.today({}) };
      case 'upcoming':
        return { upcoming: await api.goals.upcoming({ days: 7 }) };
      case 'tasks':
        return { list: await api.goals.listTasks({ filter: cleanFilter(filter), limit: 500 }) };
      case 'board': {
        const [open, done] = await Promise.all([
          api.goals.listTasks({ filter: {}, limit: 1000 }),
          api.goals.listTasks({ filter: { status: 'done', includeCompleted: true }, limit: BOARD_DONE }),
        ]);
        return { board: [...open, ...done.filter((t) => t.completed)] };
      }
      case 'logbook':
        return { logbook: await api.goals.logbook({ limit: 200 }) };
      default:
        return {};
    }
  }

  return {
    ...initialGoalsState(),

    start() {
      let pending: number | undefined;
      const off = api.goals.onChanged(() => {
        // A burst of writes (an import, a quick run of completions) becomes one reload.
        window.clearTimeout(pending);
        pending = window.setTimeout(() => {
          void get().load();
          void get().loadMeta();
        }, 120);
      });
      void get().load();
      void get().loadMeta();
      return () => {
        window.clearTimeout(pending);
        off();
      };
    },

    setSection(section) {
      if (section === get().section) return;
      set({ section, selected: null, error: null });
      void get().load();
    },

    async load() {
      const seq = ++loadSeq;
      set({ loading: true });
      try {
        const data = await fetchSection();
        if (seq === loadSeq) set({ ...data, loading: false, error: null, nowMs: Date.now() });
      } catch (err) {
        if (seq === loadSeq) set({ loading: false, error: describeError(err) });
      }
    },

    async loadMeta() {
      try {
        const [goals, projects, filters] = await Promise.all([api.goals.listGoals({}), api.goals.listProjects(), api.goals.listFilters()]);
        set({ goals, projects, filters });
      } catch {
        // Pickers stay as they were; the section's own load reports the error.
      }
    },

    setFilter(patch, replace = false) {
      set((s) => ({ filter: replace ? { ...patch } : { ...s.filter, ...patch }, filterEpoch: s.filterEpoch + (replace ? 1 : 0), selected: null }));
      if (get().section === 'tasks') void get().load();
    },

    async saveFilter(name) {
      try {
        const saved = await api.goals.saveFilter({ name: name.trim(), filter: cleanFilter(get().filter) });
        set((s) => ({ filters: [...s.filters.filter((f) => f.id !== saved.id), saved] }));
        get().say(`Filter “${saved.name}” saved.`);
        return true;
      } catch (err) {
        get().say(describeError(err), 'danger');
        return false;
      }
    },

    async deleteFilter(id) {
      try {
        await api.goals.deleteFilter({ id });
        set((s) => ({ filters: s.filters.filter((f) => f.id !== id) }));
      } catch (err) {
        get().say(describeError(err), 'danger');
      }
    },

    async complete(taskId) {
      try {
        const { task, nextDueDate } = await api.goals.completeTask({ id: taskId });
        const next = nextDueDate ? ` Next: ${dayLabel(nextDueDate)}.` : '';
        get().say(`Done: “${task.title}”.${next}`, 'success', taskId);
        await get().load();
      } catch (err) {
        get().say(describeError(err), 'danger');
      }
    },

    async uncomplete(taskId) {
      try {
        const task = await api.goals.uncompleteTask({ id: taskId });
        get().say(`Reopened “${task.title}”.`);
        await get().load();
      } catch (err) {
        get().say(describeError(err), 'danger');
      }
    },

    async checkIn(habitId) {
      try {
        const habit = await api.goals.checkIn({ habitId });
        get().say(`${habit.title}: ${habit.currentStreak} in a row.`);
        await get().load();
      } catch (err) {
        get().say(describeError(err), 'danger');
      }
    },

    async setStatus(taskId, status) {
      // Shown at once on the board; the write follows and the reload puts it right if it failed.
      set((s) => ({ board: s.board?.map((t) => (t.id === taskId ? { ...t, status } : t)) ?? null }));
      try {
        const task = await api.goals.updateTask({ id: taskId, status });
        if (status === 'done' && task.status !== 'done' && task.dueDate) get().say(`“${task.title}” repeats: next ${dayLabel(task.dueDate)}.`);
      } catch (err) {
        get().say(describeError(err), 'danger');
      }
      await get().load();
    },

    async create(input) {
      try {
        const task = await api.goals.createTask({ zone: get().zone, ...input });
        await get().load();
        return task;
      } catch (err) {
        get().say(describeError(err), 'danger');
        return null;
      }
    },

    getTask: (id) => api.goals.getTask({ id }),
    updateTask: (id, patch) => api.goals.updateTask({ id, ...patch }),
    async deleteTask(id) {
      const task = await api.goals.deleteTask({ id });
      set({ editing: null });
      get().say(`Deleted “${task.title}”.`);
      await get().load();
    },

    openEditor: (editing) => set({ editing }),

    async openRecord(id) {
      try {
        const task = await api.goals.getTask({ id });
        set({ editing: task.id });
      } catch {
        // Not a task: a goal (a target date or a milestone on the calendar), opened by the goals section.
        set({ openGoal: id });
        get().setSection('goals');
      }
    },

    select: (selected) => set({ selected }),
    focusQuickAdd: () => set((s) => ({ quickAddFocus: s.quickAddFocus + 1 })),
    focusSearch: () => set((s) => ({ searchFocus: s.searchFocus + 1 })),
    say: (message, tone = 'success', undoTaskId) => set({ notice: { id: ++noticeSeq, message, tone, ...(undoTaskId ? { undoTaskId } : {}) } }),
  };
});

onSessionReset(() => {
  loadSeq += 1;
  useGoalsStore.setState(initialGoalsState());
});
