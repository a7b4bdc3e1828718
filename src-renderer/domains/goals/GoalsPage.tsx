import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { Spinner } from '../../ui/Spinner';
import { GoalsNav } from './GoalsNav';
import { GoalsNotice } from './GoalsNotice';
import { TASK_SECTIONS, type GoalsSection } from './goals-state';
import { useGoalsStore } from './goals.store';
import { KanbanView } from './tasks/KanbanView';
import { LogbookView } from './tasks/LogbookView';
import { QuickAddBar } from './tasks/QuickAddBar';
import { TaskEditor } from './tasks/TaskEditor';
import { TaskListView } from './tasks/TaskListView';
import { TodayView } from './tasks/TodayView';
import { UpcomingView } from './tasks/UpcomingView';
import { useGoalsShortcuts } from './tasks/useGoalsShortcuts';
import { GoalsToolsMenu } from './tools/GoalsToolsMenu';

// The goal, habit, analytics and review views load on first visit (analytics brings the chart library).
const PlansView = lazy(() => import('./plans/PlansView').then((m) => ({ default: m.PlansView })));
const HabitsView = lazy(() => import('./habits/HabitsView').then((m) => ({ default: m.HabitsView })));
const AnalyticsView = lazy(() => import('./analytics/AnalyticsView').then((m) => ({ default: m.AnalyticsView })));
const ReviewView = lazy(() => import('./review/ReviewView').then((m) => ({ default: m.ReviewView })));

const VIEWS: Record<GoalsSection, ComponentType> = {
  today: TodayView,
  upcoming: UpcomingView,
  tasks: TaskListView,
  board: KanbanView,
  logbook: LogbookView,
  goals: PlansView,
  habits: HabitsView,
  analytics: AnalyticsView,
  review: ReviewView,
};
const TITLES: Record<GoalsSection, string> = {
  today: 'Today',
  upcoming: 'Upcoming',
  tasks: 'Tasks',
  board: 'Board',
  logbook: 'Logbook',
  goals: 'Goals and plans',
  habits: 'Habits',
  analytics: 'Analytics',
  review: 'Weekly review',
};

/**
 * Goals: the page's own navigation on the left (task views, then goals, habits, analytics, review); on the right a
 * header with quick add (on the task views) and the tools menu (import, export, PDF report), then the section.
 * The task editor opens over it as a dialog.
 */
export function GoalsPage() {
  const section = useGoalsStore((s) => s.section);
  const start = useGoalsStore((s) => s.start);
  useEffect(() => start(), [start]);
  useGoalsShortcuts();
  const View = VIEWS[section];
  const onTasks = TASK_SECTIONS.includes(section);
  return (
    <div className="@container h-full">
      <div className="flex h-full min-h-0" data-testid="goals-page">
        <GoalsNav />
        <section aria-label={TITLES[section]} className="flex min-w-0 flex-1 flex-col" data-testid={`goals-section-${section}`}>
          <header className="flex shrink-0 items-start gap-2 border-b border-line px-3 pt-2 pb-1">
            <div className="min-w-0 flex-1">
              {onTasks ? <QuickAddBar /> : <h2 className="flex h-9 items-center text-[15px] font-semibold text-text">{TITLES[section]}</h2>}
            </div>
            <div className="flex h-9 items-center">
              <GoalsToolsMenu />
            </div>
          </header>
          <div className="min-h-0 flex-1 overflow-x-hidden overflow-y-auto">
            <Suspense
              fallback={
                <p className="flex items-center gap-2 p-6 text-[13px] text-muted">
                  <Spinner /> Loading…
                </p>
              }
            >
              <View />
            </Suspense>
          </div>
        </section>
      </div>
      <TaskEditor />
      <GoalsNotice />
    </div>
  );
}
