import type { z } from 'zod';
import type { WeeklyReview } from '../../../src-shared/domains/goals/goals.schemas';
import { todayIn } from '../../../src-shared/lib/local-date';

type Review = Omit<z.output<typeof WeeklyReview>, 'markdown'>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Weekly review — 2026-W48": the journal entry's title. */
export const reviewTitle = (year: number, week: number): string => `Weekly review — ${year}-W${String(week).padStart(2, '0')}`;

/** "9 Mar 2026" from a date, without Intl (the same in every locale the app runs under). */
const dayLabel = (date: string): string => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** One line of user text in a list item: no line breaks (they would end the item). */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

const num = (x: number): string => String(Math.round(x * 100) / 100);

/** The review as Markdown: what "save to journal" writes as the entry's body, with prompts to reflect under. */
export function reviewMarkdown(r: Review, zone: string): string {
  const out: string[] = [`# Week of ${dayLabel(r.weekStart)} – ${dayLabel(r.weekEnd)}`, ''];
  out.push(`## Tasks done (${r.tasksDone.length})`, '');
  if (r.tasksDone.length === 0) out.push('_No task completed this week._');
  for (const t of r.tasksDone) {
    const date = todayIn(zone, Date.parse(t.at));
    out.push(`- ${oneLine(t.title)} (${WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]} ${dayLabel(date).slice(0, -5)})`);
  }
  out.push('', '## Habits', '');
  if (r.habits.length === 0) out.push('_No habits._');
  for (const h of r.habits) out.push(`- ${oneLine(h.title)}: kept ${h.kept} of ${h.due}`);
  out.push('', '## Key results', '');
  if (r.keyResultChanges.length === 0) out.push('_No key result changed this week._');
  for (const k of r.keyResultChanges) {
    const unit = k.unit ? ` ${oneLine(k.unit)}` : '';
    out.push(`- ${oneLine(k.goalTitle)} › ${oneLine(k.title)}: ${num(k.from)} → ${num(k.to)}${unit}`);
  }
  out.push('', '## Journal', '');
  if (r.journalEntries.length === 0) out.push('_No journal entries this week._');
  for (const e of r.journalEntries) out.push(`- ${oneLine(e.title)} (${dayLabel(e.date)})`);
  out.push('', '## Reflection', '', '- What went well?', '- What got in the way?', '- What matters most next week?', '');
  return out.join('\n');
}
