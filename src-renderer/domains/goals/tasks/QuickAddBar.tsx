import { CalendarDays, Clock, Flag, FolderKanban, Hash, Plus, Repeat, Target, TriangleAlert, type LucideIcon } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { parseTaskQuickAdd, type TaskQuickAdd } from '../../../../src-shared/domains/goals/quick-add';
import { todayIn } from '../../../../src-shared/lib/local-date';
import { useGoalsStore } from '../goals.store';
import { describeRepeat } from './repeat';
import { PRIORITY_NAMES, relativeDay } from './task-helpers';

interface Chip {
  kind: string;
  icon: LucideIcon;
  text: string;
}

/** What Enter would save, as chips: the resolved day, time, rule, tags, priority, goal and project. */
export function chipsOf(q: TaskQuickAdd, today: string, names: { goal?: string; project?: string }): Chip[] {
  const { input } = q;
  const has = (kind: string) => q.tokens.some((t) => t.kind === kind);
  const chips: Chip[] = [];
  if (input.dueDate) chips.push({ kind: 'date', icon: CalendarDays, text: relativeDay(input.dueDate, today) });
  if (input.dueTime) chips.push({ kind: 'time', icon: Clock, text: input.dueTime });
  if (input.rrule) chips.push({ kind: 'repeat', icon: Repeat, text: describeRepeat(input.rrule) });
  for (const tag of input.tags) chips.push({ kind: 'tag', icon: Hash, text: tag });
  if (has('priority')) chips.push({ kind: 'priority', icon: Flag, text: PRIORITY_NAMES[input.priority] ?? `P${input.priority}` });
  if (names.goal) chips.push({ kind: 'goal', icon: Target, text: names.goal });
  if (names.project) chips.push({ kind: 'project', icon: FolderKanban, text: names.project });
  return chips;
}

/**
 * One line that becomes a task: "pay rent every month on the 1st #finance !2", "call Ana tomorrow 15:00 for
 * goal:Spanish". The parse shows as chips while typing (before anything is saved); Enter saves, Esc clears.
 */
export function QuickAddBar() {
  const { goals, projects, zone, focusTick } = useGoalsStore(
    useShallow((s) => ({ goals: s.goals, projects: s.projects, zone: s.zone, focusTick: s.quickAddFocus })),
  );
  const create = useGoalsStore((s) => s.create);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  // The clock is read when the text changes ("15:00" means today until 15:00), not during render.
  const [now, setNow] = useState(0);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusTick > 0) ref.current?.focus();
  }, [focusTick]);

  const parsed = useMemo(
    () => (text.trim() ? parseTaskQuickAdd(text, { now: new Date(now), zone, goals, projects: projects.map((p) => ({ id: p.id, name: p.name })) }) : null),
    [text, now, zone, goals, projects],
  );
  const names = {
    goal: goals.find((g) => g.id === parsed?.input.goalId)?.title,
    project: projects.find((p) => p.id === parsed?.input.projectId)?.name,
  };
  const chips = parsed ? chipsOf(parsed, todayIn(zone, now), names) : [];

  async function save() {
    if (!parsed || !parsed.input.title || busy) return;
    setBusy(true);
    const task = await create(parsed.input);
    setBusy(false);
    if (task) {
      setText('');
      useGoalsStore.getState().say(`Added “${task.title}”.`);
    }
  }

  return (
    <div className="flex min-w-0 flex-col gap-1" data-testid="quick-add">
      <div className="flex h-9 min-w-0 items-center gap-2 rounded-md border border-line-strong bg-surface px-2.5 focus-within:border-focus focus-within:ring-3 focus-within:ring-focus/20">
        <Plus className="size-4 shrink-0 text-faint" aria-hidden />
        <input
          ref={ref}
          className="min-w-0 flex-1 bg-transparent text-[13px] text-text outline-none placeholder:text-faint"
          aria-label="Quick add task"
          aria-describedby="goals-quick-add-parse"
          placeholder="Add a task (q): pay rent every month on the 1st #finance !2"
          data-testid="quick-add-input"
          value={text}
          disabled={busy}
          maxLength={500}
          onChange={(e) => {
            setText(e.target.value);
            setNow(Date.now());
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              if (text) setText('');
              else e.currentTarget.blur();
            }
          }}
        />
      </div>
      <div id="goals-quick-add-parse" aria-live="polite" className="flex min-h-5 min-w-0 flex-wrap items-center gap-1 px-0.5" data-testid="quick-add-chips">
        {parsed ? (
          <>
            <span className="max-w-full truncate text-[12px] text-text" data-testid="quick-add-title">
              {parsed.input.title || '(no title)'}
            </span>
            {chips.map((c, i) => (
              <span
                key={`${c.kind}-${i}`}
                data-testid="quick-add-chip"
                data-kind={c.kind}
                className="inline-flex max-w-48 items-center gap-1 rounded-full bg-accent-soft px-1.5 py-px text-[11px] text-text"
              >
                <c.icon className="size-3 shrink-0 text-accent" aria-hidden />
                <span className="sr-only">{c.kind}: </span>
                <span className="truncate">{c.text}</span>
              </span>
            ))}
            {parsed.warnings.map((w) => (
              <span key={w} className="inline-flex items-center gap-1 text-[11px] text-warning" data-testid="quick-add-warning">
                <TriangleAlert className="size-3" aria-hidden />
                {w}
              </span>
            ))}
            {parsed.input.title ? <span className="ml-auto text-[11px] text-faint">Enter to add</span> : null}
          </>
        ) : (
          <span className="truncate text-[11px] text-faint">Understands dates, “every …”, #tags, !1–!5 priority, +project and goal:name</span>
        )}
      </div>
    </div>
  );
}
