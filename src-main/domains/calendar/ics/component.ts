import { AppError } from '../../../../src-shared/ipc/result';
import { parseContentLine, unfoldLines, type ContentLine } from './content-line';

/**
 * A component as its own content lines, verbatim, and its sub-components in file order. Edits replace or add
 * single lines and leave every other line byte for byte as read, so properties Hearth does not know survive.
 */
export interface Component {
  name: string;
  items: Array<string | Component>;
}

/** SECURITY: nesting is VCALENDAR > VEVENT > VALARM (VTIMEZONE > STANDARD); deeper is hostile or broken. */
const MAX_DEPTH = 8;

const keyword = (line: string, word: 'BEGIN' | 'END'): string | null => {
  if (line.length <= word.length || line[word.length] !== ':' || line.slice(0, word.length).toUpperCase() !== word) return null;
  return line
    .slice(word.length + 1)
    .trim()
    .toUpperCase();
};

/** Builds the component tree of unfolded lines; lines outside any component are returned in `stray`. */
export function buildTree(lines: readonly string[]): { roots: Component[]; stray: string[] } {
  const roots: Component[] = [];
  const stray: string[] = [];
  const stack: Component[] = [];
  lines.forEach((line, index) => {
    const begin = keyword(line, 'BEGIN');
    if (begin) {
      if (stack.length >= MAX_DEPTH) throw new AppError('INVALID_INPUT', `Not a usable iCalendar file: components nested deeper than ${MAX_DEPTH}.`);
      const comp: Component = { name: begin, items: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.items.push(comp);
      else roots.push(comp);
      stack.push(comp);
      return;
    }
    const end = keyword(line, 'END');
    if (end) {
      const open = stack.pop();
      if (!open || open.name !== end) {
        throw new AppError(
          'INVALID_INPUT',
          `Not a usable iCalendar file: END:${end} at line ${index + 1} does not close ${open ? `BEGIN:${open.name}` : 'anything'}.`,
        );
      }
      return;
    }
    const top = stack[stack.length - 1];
    if (top) top.items.push(line);
    else stray.push(line);
  });
  const open = stack[stack.length - 1];
  if (open) throw new AppError('INVALID_INPUT', `The iCalendar file is truncated: BEGIN:${open.name} is never closed.`);
  return { roots, stray };
}

/** Parses one stored component text (as kept in the `ics` column). */
export function parseComponent(ics: string): Component {
  const { roots } = buildTree(unfoldLines(ics));
  const only = roots[0];
  if (roots.length !== 1 || !only) throw new AppError('INVALID_INPUT', 'Expected exactly one iCalendar component.');
  return only;
}

export function componentLines(comp: Component): string[] {
  const out = [`BEGIN:${comp.name}`];
  for (const item of comp.items) {
    if (typeof item === 'string') out.push(item);
    else out.push(...componentLines(item));
  }
  out.push(`END:${comp.name}`);
  return out;
}

/** The stored text: unfolded lines joined by CRLF (folding happens once, on export). */
export const componentText = (comp: Component): string => componentLines(comp).join('\r\n');

export const children = (comp: Component, name?: string): Component[] =>
  comp.items.filter((i): i is Component => typeof i !== 'string' && (!name || i.name === name));

/**
 * Parsed lines per `items` array, so reading a component's fields parses each line once. Keyed by the array: every
 * edit here assigns a new `items` array (never mutates one in place), which drops the stale entry.
 */
const parsedCache = new WeakMap<Component['items'], ContentLine[]>();

/** The component's own properties, parsed (unparsable lines are skipped here but stay in `items`). */
export function props(comp: Component, name?: string): ContentLine[] {
  let all = parsedCache.get(comp.items);
  if (!all) {
    all = [];
    for (const item of comp.items) {
      const parsed = typeof item === 'string' ? parseContentLine(item) : null;
      if (parsed) all.push(parsed);
    }
    parsedCache.set(comp.items, all);
  }
  return name ? all.filter((l) => l.name === name) : all;
}

export const prop = (comp: Component, name: string): ContentLine | undefined => props(comp, name)[0];

const lineName = (line: string): string => (/^[^;:]*/.exec(line)?.[0] ?? '').trim().toUpperCase();

/**
 * Replaces every `name` property with `lines` (at the first one's position, else before the first sub-component),
 * keeping all other lines untouched.
 */
export function setProps(comp: Component, name: string, lines: readonly string[]): void {
  const at = comp.items.findIndex((i) => typeof i === 'string' && lineName(i) === name);
  const kept = comp.items.filter((i) => typeof i !== 'string' || lineName(i) !== name);
  let insertAt: number;
  if (at >= 0) insertAt = comp.items.slice(0, at).filter((i) => typeof i !== 'string' || lineName(i) !== name).length;
  else {
    const firstChild = kept.findIndex((i) => typeof i !== 'string');
    insertAt = firstChild >= 0 ? firstChild : kept.length;
  }
  kept.splice(insertAt, 0, ...lines);
  comp.items = kept;
}

export const setProp = (comp: Component, name: string, line: string | null): void => setProps(comp, name, line === null ? [] : [line]);

export function cloneComponent(comp: Component): Component {
  return { name: comp.name, items: comp.items.map((i) => (typeof i === 'string' ? i : cloneComponent(i))) };
}
