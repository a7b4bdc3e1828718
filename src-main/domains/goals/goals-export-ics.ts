import { addDays } from '../../../src-shared/lib/local-date';
import type { When } from '../../../src-shared/lib/recurrence';
import { escapeText, serialiseCalendar, utcStamp, whenLine } from '../calendar';
import { jsonList, type GoalsData } from './goals-export-data';
import { priorityToIcs } from './import/ics-todos';
import type { TaskTable } from './goals.table';

/**
 * Tasks as VTODOs (open and completed) and goal target dates and milestones as all-day VEVENTs, in one .ics written by
 * the calendar's serialiser (VTIMEZONEs for the zones used, folding). A task imported from an .ics keeps its UID, so
 * importing the export back into the same profile finds the duplicates.
 */

const stamp = (iso: string): string => utcStamp(Date.parse(iso));
export const taskUid = (t: Pick<TaskTable, 'id' | 'source' | 'source_id'>): string => (t.source === 'ics' && t.source_id ? t.source_id : `${t.id}@hearth`);

function dueWhen(t: TaskTable): When | null {
  if (!t.due_date) return null;
  return t.due_time ? { kind: 'zoned', local: `${t.due_date}T${t.due_time}:00`, tz: t.zone } : { kind: 'date', date: t.due_date };
}

function vtodo(t: TaskTable, byId: Map<string, TaskTable>, nowMs: number): string {
  const lines = [`UID:${escapeText(taskUid(t))}`, `DTSTAMP:${utcStamp(nowMs)}`, `CREATED:${stamp(t.created_at)}`, `LAST-MODIFIED:${stamp(t.updated_at)}`];
  lines.push(`SUMMARY:${escapeText(t.title)}`);
  if (t.notes) lines.push(`DESCRIPTION:${escapeText(t.notes)}`);
  const due = dueWhen(t);
  if (due) {
    // RFC 5545: a recurring to-do needs DTSTART, the anchor of its rule; Hearth's anchor is the due date.
    if (t.rrule) lines.push(whenLine('DTSTART', due));
    lines.push(whenLine('DUE', due));
  }
  if (t.rrule && due) lines.push(`RRULE:${t.rrule}`);
  const prio = priorityToIcs(t.priority);
  if (prio !== null) lines.push(`PRIORITY:${prio}`);
  const tags = jsonList(t.tags);
  if (tags.length) lines.push(`CATEGORIES:${tags.map(escapeText).join(',')}`);
  if (t.completed_at) lines.push('STATUS:COMPLETED', `COMPLETED:${stamp(t.completed_at)}`, 'PERCENT-COMPLETE:100');
  else lines.push(t.status === 'doing' ? 'STATUS:IN-PROCESS' : 'STATUS:NEEDS-ACTION');
  const parent = t.parent_id ? byId.get(t.parent_id) : undefined;
  if (parent) lines.push(`RELATED-TO;RELTYPE=PARENT:${escapeText(taskUid(parent))}`);
  return ['BEGIN:VTODO', ...lines, 'END:VTODO'].join('\r\n');
}

function dayEvent(uid: string, date: string, summary: string, description: string, category: string, nowMs: number): string {
  const lines = [
    `UID:${uid}`,
    `DTSTAMP:${utcStamp(nowMs)}`,
    whenLine('DTSTART', { kind: 'date', date }),
    whenLine('DTEND', { kind: 'date', date: addDays(date, 1) }),
  ];
  lines.push(`SUMMARY:${escapeText(summary)}`, 'TRANSP:TRANSPARENT', `CATEGORIES:${category}`);
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
}

export function goalsIcs(d: GoalsData, nowMs: number): { text: string; rows: number } {
  const byId = new Map(d.tasks.map((t) => [t.id, t]));
  const components = d.tasks.map((t) => vtodo(t, byId, nowMs));
  const goalTitle = new Map(d.goals.map((g) => [g.id, g.title]));
  for (const g of d.goals) {
    if (g.target_date) components.push(dayEvent(`goal-${g.id}@hearth`, g.target_date, `Goal: ${g.title}`, g.why, 'Goal', nowMs));
  }
  for (const k of d.keyResults) {
    if (k.kind === 'milestone' && k.due_date) {
      components.push(dayEvent(`milestone-${k.id}@hearth`, k.due_date, `Milestone: ${k.title}`, goalTitle.get(k.goal_id) ?? '', 'Milestone', nowMs));
    }
  }
  return { text: serialiseCalendar({ name: 'Hearth tasks and goals', components }), rows: components.length };
}
