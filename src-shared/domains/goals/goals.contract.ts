import { z } from 'zod';
import { defineContract, op } from '../../ipc/define';
import { Id, NoInput } from '../../lib/schema';
import {
  CheckInInput,
  CompleteTaskInput,
  CompleteTaskResult,
  Dashboard,
  DashboardInput,
  Evidence,
  EvidenceInput,
  ExportInput,
  ExportResult,
  Goal,
  GoalDetail,
  GoalInput,
  Habit,
  HabitHistory,
  HabitHistoryInput,
  HabitInput,
  ImportCommitInput,
  ImportPreview,
  ImportPreviewInput,
  ImportResult,
  KeyResult,
  KeyResultInput,
  ListGoalsInput,
  ListTasksInput,
  LogbookEntry,
  LogbookInput,
  LogProgressInput,
  OverlayInput,
  OverlayItem,
  Pdp,
  PdpInput,
  ProgressLogEntry,
  Project,
  ProjectInput,
  ReportInput,
  ReportResult,
  SavedFilter,
  SavedFilterInput,
  SaveReviewInput,
  SaveReviewResult,
  Task,
  TaskDetail,
  TaskInput,
  TodayInput,
  TodayView,
  UpcomingInput,
  UpcomingView,
  UpdateGoalInput,
  UpdateHabitInput,
  UpdateKeyResultInput,
  UpdatePdpInput,
  UpdateProjectInput,
  UpdateTaskInput,
  WeeklyReview,
  WeeklyReviewInput,
} from './goals.schemas';

const ById = z.strictObject({ id: Id });

/** Goals: development plans, goals with key results, tasks and habits (on the shared recurrence engine), analytics and reports. */
export const goalsContract = defineContract(
  'goals',
  {
    listPdps: op({ input: NoInput, output: z.array(Pdp), summary: 'List development plans' }),
    createPdp: op({ input: PdpInput, output: Pdp, summary: 'Create a development plan' }),
    updatePdp: op({ input: UpdatePdpInput, output: Pdp, summary: 'Edit a development plan' }),
    /** Its goals stay, without a plan. */
    deletePdp: op({ input: ById, output: Pdp, summary: 'Delete a development plan' }),

    listGoals: op({ input: ListGoalsInput, output: z.array(Goal), summary: 'List goals' }),
    getGoal: op({ input: ById, output: GoalDetail, summary: 'Read a goal with its key results, progress and evidence' }),
    createGoal: op({ input: GoalInput, output: GoalDetail, summary: 'Create a goal' }),
    updateGoal: op({ input: UpdateGoalInput, output: GoalDetail, summary: 'Edit a goal' }),
    /** Its tasks stay, without a goal. */
    deleteGoal: op({ input: ById, output: Goal, summary: 'Delete a goal' }),
    logProgress: op({ input: LogProgressInput, output: ProgressLogEntry, summary: 'Log progress on a goal with a note' }),
    addEvidence: op({ input: EvidenceInput, output: Evidence, summary: 'Link a journal entry or file as evidence' }),
    removeEvidence: op({ input: ById, output: Evidence, summary: 'Unlink evidence' }),

    createKeyResult: op({ input: KeyResultInput, output: KeyResult, summary: 'Add a key result' }),
    /** A new value is kept in its history (the sparkline). */
    updateKeyResult: op({ input: UpdateKeyResultInput, output: KeyResult, summary: 'Edit or record a key result' }),
    deleteKeyResult: op({ input: ById, output: KeyResult, summary: 'Delete a key result' }),

    listProjects: op({ input: NoInput, output: z.array(Project), summary: 'List projects and areas' }),
    createProject: op({ input: ProjectInput, output: Project, summary: 'Create a project or area' }),
    updateProject: op({ input: UpdateProjectInput, output: Project, summary: 'Edit a project or area' }),
    deleteProject: op({ input: ById, output: Project, summary: 'Delete a project (its tasks stay)' }),

    today: op({ input: TodayInput, output: TodayView, summary: 'Due, overdue and scheduled tasks and habits for a day' }),
    upcoming: op({ input: UpcomingInput, output: UpcomingView, summary: 'Tasks of the next days' }),
    listTasks: op({ input: ListTasksInput, output: z.array(Task), summary: 'List tasks by filter' }),
    logbook: op({ input: LogbookInput, output: z.array(LogbookEntry), summary: 'Completed tasks, newest first' }),
    getTask: op({ input: ById, output: TaskDetail, summary: 'Read a task with sub-tasks and history' }),
    createTask: op({ input: TaskInput, output: Task, summary: 'Create a task' }),
    updateTask: op({ input: UpdateTaskInput, output: Task, summary: 'Edit a task' }),
    /** A repeating task moves to its next date; its sub-tasks reopen. */
    completeTask: op({ input: CompleteTaskInput, output: CompleteTaskResult, summary: 'Complete a task' }),
    /** Undoes the last completion (a repeating task moves back to the date it had). */
    uncompleteTask: op({ input: ById, output: Task, summary: 'Reopen a task' }),
    deleteTask: op({ input: ById, output: Task, summary: 'Delete a task with its sub-tasks' }),

    listFilters: op({ input: NoInput, output: z.array(SavedFilter), summary: 'Saved task filters' }),
    saveFilter: op({ input: SavedFilterInput, output: SavedFilter, summary: 'Save a task filter' }),
    deleteFilter: op({ input: ById, output: SavedFilter, summary: 'Delete a saved filter' }),

    listHabits: op({ input: NoInput, output: z.array(Habit), summary: 'Habits with streaks' }),
    createHabit: op({ input: HabitInput, output: Habit, summary: 'Create a habit' }),
    updateHabit: op({ input: UpdateHabitInput, output: Habit, summary: 'Edit or archive a habit' }),
    deleteHabit: op({ input: ById, output: Habit, summary: 'Delete a habit' }),
    checkIn: op({ input: CheckInInput, output: Habit, summary: 'Check in a habit for a day' }),
    habitHistory: op({ input: HabitHistoryInput, output: HabitHistory, summary: 'A habit day by day (the heat-map)' }),

    dashboard: op({ input: DashboardInput, output: Dashboard, summary: 'Analytics: completions, overdue, goals, habits, score' }),
    weeklyReview: op({ input: WeeklyReviewInput, output: WeeklyReview, summary: 'The weekly review from the week’s data' }),
    saveReview: op({ input: SaveReviewInput, output: SaveReviewResult, summary: 'Save the weekly review as a journal entry' }),
    overlay: op({ input: OverlayInput, output: z.array(OverlayItem), summary: 'Task due dates and milestones for the calendar' }),

    importPreview: op({ input: ImportPreviewInput, output: ImportPreview, summary: 'Preview a Todoist, TickTick, .ics or Hearth JSON import' }),
    importCommit: op({ input: ImportCommitInput, output: ImportResult, summary: 'Import a previewed file' }),
    export: op({ input: ExportInput, output: ExportResult, summary: 'Export as CSV, JSON or .ics' }),
    report: op({ input: ReportInput, output: ReportResult, summary: 'A development plan report as PDF' }),
  },
  {
    /** Rows written (by the write path). */
    changed: z.strictObject({ ids: z.array(Id).max(1000) }),
  },
);
