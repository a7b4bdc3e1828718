/** The calendar's editor and tools, used by the calendar page (and ReminderToasts by the app shell). */
export { EventEditor, type EditorTarget } from './EventEditor';
export { useScopePrompt } from './ScopePrompt';
export { QuickAddBar } from './QuickAddBar';
export { CalendarToolsMenu } from './CalendarToolsMenu';
export { TasksPanel } from './TasksPanel';
export { ReminderToasts } from './ReminderToasts';
export { COLOR_CLASS } from './CalendarDialog';
export { CalendarDialog, DeleteCalendarDialog } from './CalendarDialog';
