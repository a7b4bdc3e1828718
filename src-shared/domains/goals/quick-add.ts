import { todayIn } from '../../lib/local-date';
import { chronoIn, findRepeat, firstDay, tidy, wallOf } from '../calendar';

/**
 * Task quick add: one line ("pay rent every month on the 1st #finance !2", "call Ana tomorrow 15:00 for goal:Spanish")
 * → a new task's fields, the recognised pieces (shown as chips before saving) and warnings. Shared so the app's quick
 * add bar and `hearth tasks add` read a line the same way. Dates and repetition come from the calendar's quick add
 * (chrono-node + our repeat phrases); the markers are ours:
 *   #tag · !1..!5 priority (1 = most urgent, default 4) · +Project or +"Two words" · goal:Spanish or goal:"Learn Spanish".
 * "+" for projects because "#" is taken by tags and "@" reads as "at" in English ("lunch @ noon").
 * Pure: the clock and the zone come in as arguments.
 */

export interface TaskQuickAddOptions {
  now: Date;
  /** IANA zone the dates are meant in. */
  zone: string;
  goals?: { id: string; title: string }[];
  projects?: { id: string; name: string }[];
}

export type TaskQuickAddTokenKind = 'date' | 'time' | 'repeat' | 'tag' | 'priority' | 'goal' | 'project';
export interface TaskQuickAddToken {
  kind: TaskQuickAddTokenKind;
  /** The piece of the line as typed. */
  text: string;
}

export interface TaskQuickAdd {
  input: {
    title: string;
    dueDate: string | null;
    dueTime: string | null;
    rrule: string | null;
    priority: number;
    tags: string[];
    goalId: string | null;
    projectId: string | null;
  };
  tokens: TaskQuickAddToken[];
  warnings: string[];
}

export const DEFAULT_PRIORITY = 4;
const MAX_INPUT = 500;
const MAX_TAGS = 30;
const MAX_TAG = 60;

// A marker starts the line or follows a space, so "e-mail#3" or "wow!1" stay text. A quoted name may hold spaces.
const GOAL = /(?:^|\s)(?:for\s+)?goal:(?:"([^"]*)"|(\S+))/i;
const PROJECT = /(?:^|\s)\+(?:"([^"]*)"|([\p{L}\p{N}][\p{L}\p{N}_\-/.]*))/u;
const TAG = /(?:^|\s)#([\p{L}\p{N}_][\p{L}\p{N}_\-/]*)/u;
const PRIORITY = /(?:^|\s)!(\d+)(?=\s|$)/;

interface Found {
  kind: TaskQuickAddTokenKind;
  text: string;
  at: number;
}

/** `text` with `length` characters at `at` blanked: later indexes still point into the original line (token order). */
const blank = (text: string, at: number, length: number): string => text.slice(0, at) + ' '.repeat(length) + text.slice(at + length);
// A clock time inside what chrono read ("tomorrow 15:00"), so the chips can show the day and the time apart.
const CLOCK = /(?:\bat\s+)?(?:\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?|\bnoon\b|\bmidnight\b)/i;

/** Each match of `re` taken out of the text. */
function takeAll(text: string, re: RegExp, kind: TaskQuickAddTokenKind, found: Found[], onMatch: (m: RegExpExecArray) => void): string {
  let rest = text;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const lead = m[0].length - m[0].trimStart().length;
    const at = m.index + lead;
    const piece = m[0].slice(lead);
    found.push({ kind, text: kind === 'goal' ? piece.replace(/^for\s+/i, '') : piece, at });
    onMatch(m);
    rest = blank(rest, at, piece.length);
  }
  return rest;
}

const fold = (s: string): string => s.toLocaleLowerCase('en').replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The best match of `wanted` among names (case, '-' and '_' ignored): exact, then prefix, then contained; among several
 * at the same level the shortest name, flagged `ambiguous` so the caller can say which one it picked.
 */
export function matchByName<T>(items: T[], nameOf: (item: T) => string, wanted: string): { item: T | null; ambiguous: boolean } {
  const w = fold(wanted);
  if (!w) return { item: null, ambiguous: false };
  const names = items.map((i) => ({ item: i, name: fold(nameOf(i)) }));
  // Any other name holding the words makes the pick a guess, even when the pick is the only prefix match.
  const holders = names.filter((n) => n.name.includes(w)).length;
  for (const test of [(n: string) => n === w, (n: string) => n.startsWith(w), (n: string) => n.includes(w)]) {
    const hits = names.filter((n) => test(n.name)).sort((a, b) => a.name.length - b.name.length);
    if (hits.length) return { item: hits[0]!.item, ambiguous: hits[0]!.name !== w && holders > 1 };
  }
  return { item: null, ambiguous: false };
}

/** Reads one line of quick add. Never throws: what cannot be read stays in the title and is named in a warning. */
export function parseTaskQuickAdd(text: string, opts: TaskQuickAddOptions): TaskQuickAdd {
  const warnings: string[] = [];
  const found: Found[] = [];
  const input: TaskQuickAdd['input'] = {
    title: '',
    dueDate: null,
    dueTime: null,
    rrule: null,
    priority: DEFAULT_PRIORITY,
    tags: [],
    goalId: null,
    projectId: null,
  };
  const line = text.replace(/\s+/g, ' ').trim().slice(0, MAX_INPUT);
  if (text.trim().length > MAX_INPUT) warnings.push(`Only the first ${MAX_INPUT} characters are read.`);

  let rest = takeAll(line, GOAL, 'goal', found, (m) => {
    const name = (m[1] ?? m[2] ?? '').trim();
    if (input.goalId) return void warnings.push(`Only one goal per task: "${name}" was ignored.`);
    const { item, ambiguous } = matchByName(opts.goals ?? [], (g) => g.title, name);
    if (!item) return void warnings.push(name ? `No goal matches "${name}"; the task is saved without a goal.` : 'goal: needs a name.');
    input.goalId = item.id;
    if (ambiguous) warnings.push(`Several goals match "${name}"; picked "${item.title}".`);
  });
  rest = takeAll(rest, PROJECT, 'project', found, (m) => {
    const name = (m[1] ?? m[2] ?? '').trim();
    if (input.projectId) return void warnings.push(`Only one project per task: "${name}" was ignored.`);
    const { item } = matchByName(opts.projects ?? [], (p) => p.name, name);
    if (!item) return void warnings.push(`No project named "${name}"; the task is saved without a project.`);
    input.projectId = item.id;
  });
  rest = takeAll(rest, TAG, 'tag', found, (m) => {
    const tag = m[1]!.slice(0, MAX_TAG);
    if (input.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    if (input.tags.length >= MAX_TAGS) return void warnings.push(`At most ${MAX_TAGS} tags: #${tag} was ignored.`);
    input.tags.push(tag);
  });
  rest = takeAll(rest, PRIORITY, 'priority', found, (m) => {
    const p = Number(m[1]);
    if (p >= 1 && p <= 5) input.priority = p;
    else warnings.push(`Priority goes from !1 (most urgent) to !5; ${m[0].trim()} was ignored.`);
  });

  const zone = opts.zone;
  const nowMs = opts.now.getTime();
  const repeat = findRepeat(rest);
  if (repeat) {
    found.push({ kind: 'repeat', text: rest.slice(repeat.index, repeat.index + repeat.length), at: repeat.index });
    input.rrule = repeat.rrule;
    rest = blank(rest, repeat.index, repeat.length);
  }
  const parse = chronoIn(nowMs, zone);
  const hit = parse(rest)[0];
  if (hit) {
    const s = hit.start;
    const hasDay = s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month');
    const hasTime = s.isCertain('hour');
    // The calendar's rule: a repeat's anchor ("every month on the 1st") decides the day unless a day was named.
    input.dueDate = hasDay || !repeat ? wallOf(s).date : firstDay(repeat.anchor, todayIn(zone, nowMs));
    if (hasTime) input.dueTime = wallOf(s).time;
    const clock = hasDay && hasTime ? CLOCK.exec(hit.text) : null;
    if (clock) {
      const day = tidy(blank(hit.text, clock.index, clock[0].length));
      if (day) found.push({ kind: 'date', text: day, at: hit.index + (clock.index === 0 ? clock[0].length : 0) });
      found.push({ kind: 'time', text: clock[0].replace(/^at\s+/i, ''), at: hit.index + clock.index });
    } else {
      found.push({ kind: hasDay || !hasTime ? 'date' : 'time', text: hit.text, at: hit.index });
    }
    rest = blank(rest, hit.index, hit.text.length);
  } else if (repeat) {
    input.dueDate = firstDay(repeat.anchor, todayIn(zone, nowMs));
  }

  input.title = tidy(rest.replace(/\s+for$/i, '')).slice(0, MAX_INPUT);
  if (!input.title) warnings.push('The task needs a title.');
  const tokens = found.sort((a, b) => a.at - b.at).map(({ kind, text: t }) => ({ kind, text: t }));
  return { input, tokens, warnings };
}
