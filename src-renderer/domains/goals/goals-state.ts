import type { z } from 'zod';
import type {
  Goal,
  LogbookEntry,
  Project,
  SavedFilter,
  Task,
  TaskDetail,
  TaskFilter,
  TaskInput,
  TaskStatus,
  TodayView,
  UpcomingView,
  UpdateTaskInput,
} from '../../../src-shared/domains/goals/goals.schemas';

/** The sections of the Goals page's own navigation. */
export type GoalsSection = 'today' | 'upcoming' | 'tasks' | 'board' | 'logbook' | 'goals' | 'habits' | 'analytics' | 'review';
/** The sections that list tasks (the others are the plans, habits, analytics and review views). */
export const TASK_SECTIONS: readonly GoalsSection[] = ['today', 'upcoming', 'tasks', 'board', 'logbook'];

export type Upcoming = z.output<typeof UpcomingView>;
export type UpcomingTask = Upcoming['days'][number]['tasks'][number];
export type Logbook = z.output<typeof LogbookEntry>[];
export type Filter = z.output<typeof SavedFilter>;
export type TaskPatch = Omit<z.input<typeof UpdateTaskInput>, 'id'>;

/** One selectable row (j/k): a task, a repeating task's day in Upcoming, or a Logbook completion. */
export interface RowRef {
  key: string;
  taskId: string;
  completed: boolean;
  /** A later day of a repeating task: not completed from here. */
  locked?: boolean;
}

export interface GoalsNotice {
  id: number;
  message: string;
  tone: 'success' | 'danger';
  /** A completion that "Undo" reopens. */
  undoTaskId?: string;
}

export interface GoalsState {
  section: GoalsSection;
  /** The zone new tasks are written in (the computer's). */
  zone: string;
  /** The clock of the last load: "overdue" is judged against it, not during render. */
  nowMs: number;
  today: TodayView | null;
  upcoming: Upcoming | null;
  list: Task[] | null;
  board: Task[] | null;
  logbook: Logbook | null;
  goals: Goal[];
  projects: Project[];
  filters: Filter[];
  /** The task list's filter (a saved filter is copied in here when picked). */
  filter: TaskFilter;
  /** Bumped when the filter is replaced as a whole (a saved filter, Clear): the filter bar starts over from it. */
  filterEpoch: number;
  loading: boolean;
  error: string | null;
  selected: string | null;
  /** The task open in the editor. */
  editing: string | null;
  /** A goal another page asked to open (the calendar's milestone or target date); the plans view opens and clears it. */
  openGoal: string | null;
  notice: GoalsNotice | null;
  /** Bumped to ask the quick add bar to take focus (q / n). */
  quickAddFocus: number;
  /** Bumped to ask the task list's search field to take focus (/). */
  searchFocus: number;

  start(): () => void;
  setSection(section: GoalsSection): void;
  load(): Promise<void>;
  loadMeta(): Promise<void>;
  setFilter(patch: Partial<TaskFilter>, replace?: boolean): void;
  saveFilter(name: string): Promise<boolean>;
  deleteFilter(id: string): Promise<void>;
  complete(taskId: string): Promise<void>;
  uncomplete(taskId: string): Promise<void>;
  checkIn(habitId: string): Promise<void>;
  setStatus(taskId: string, status: TaskStatus): Promise<void>;
  create(input: TaskInput): Promise<Task | null>;
  getTask(id: string): Promise<TaskDetail>;
  updateTask(id: string, patch: TaskPatch): Promise<Task>;
  deleteTask(id: string): Promise<void>;
  openEditor(id: string | null): void;
  /** Opens a task from another module (openRecord): the editor over the task list. */
  openRecord(id: string): Promise<void>;
  select(key: string | null): void;
  focusQuickAdd(): void;
  focusSearch(): void;
  say(message: string, tone?: GoalsNotice['tone'], undoTaskId?: string): void;
}

type Data = Omit<GoalsState, { [K in keyof GoalsState]: GoalsState[K] extends (...args: never[]) => unknown ? K : never }[keyof GoalsState]>;

/** The computer's IANA zone. */
export const computerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function initialGoalsState(): Data {
  return {
    section: 'today',
    zone: computerZone(),
    nowMs: 0,
    today: null,
    upcoming: null,
    list: null,
    board: null,
    logbook: null,
    goals: [],
    projects: [],
    filters: [],
    filter: {},
    filterEpoch: 0,
    loading: false,
    error: null,
    selected: null,
    editing: null,
    openGoal: null,
    notice: null,
    quickAddFocus: 0,
    searchFocus: 0,
  };
}
