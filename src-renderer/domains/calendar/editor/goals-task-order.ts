const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** What the order needs of a goals task (the contract's Task has these). */
export interface PanelTask {
  title: string;
  dueAt: string | null;
  priority: number;
}

/** Open tasks by due moment (undated last), then by priority (1 = most urgent), then title. */
export function sortGoalsTasks<T extends PanelTask>(tasks: T[]): T[] {
  const due = (t: PanelTask) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return [...tasks].sort((a, b) => due(a) - due(b) || a.priority - b.priority || a.title.localeCompare(b.title));
}

/** "Thu 11 Mar" or "Thu 11 Mar 15:00": the task's own wall date and time (in its zone), never shifted. */
export function goalsDueLabel(t: { dueDate: string | null; dueTime: string | null }): string {
  if (!t.dueDate) return '';
  const day = dayFormat.format(Date.parse(`${t.dueDate}T12:00:00Z`));
  return t.dueTime ? `${day} ${t.dueTime}` : day;
}
