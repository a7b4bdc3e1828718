import { fuzzSuite } from './harness';

/**
 * Issue 13: the goals (Todoist CSV, TickTick CSV, VTODO, Hearth goals JSON) and calendar (ICS) importers fuzzed
 * (harness.ts).
 */
fuzzSuite('tasks and calendar importers fuzz', {
  'goals.todoist': [['tasks/todoist', /\.csv$/, 2]],
  'goals.ticktick': [['tasks/ticktick', /\.csv$/, 2]],
  'goals.ics': [['tasks/ics', /\.ics$/, 2]],
  'goals.hearth-json': [],
  'calendar.ics': [['calendar', /\.ics$/, 3]],
});
