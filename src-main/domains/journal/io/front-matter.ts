import { parse } from 'yaml';
import { isRecord } from './entry';

/**
 * YAML front matter (`---` … `---` at the very top) with the `yaml` package: the core schema (no custom
 * tags, dates stay strings), at most 100 alias expansions (a "billion laughs" file stops there).
 */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Set when the block was there but was not valid YAML (the whole text is then kept as the body). */
  error: string | null;
}

const BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function splitFrontMatter(text: string): FrontMatter {
  const m = BLOCK.exec(text);
  if (!m || m.index !== 0) return { data: {}, body: text, error: null };
  // The blank line most writers put after the block is layout, not content.
  const body = text.slice(m[0].length).replace(/^\r?\n/, '');
  const fast = simpleFrontMatter(m[1] ?? '');
  if (fast) return { data: fast, body, error: null };
  try {
    const data: unknown = parse(m[1] ?? '', { schema: 'core', maxAliasCount: 100, prettyErrors: false });
    if (data === null || data === undefined) return { data: {}, body, error: null };
    if (!isRecord(data)) return { data: {}, body: text, error: 'front matter is not a set of key: value fields' };
    return { data, body, error: null };
  } catch {
    return { data: {}, body: text, error: 'front matter is not valid YAML' };
  }
}

/**
 * The fast path (YAML costs ~0.1 ms a note, most of a 10,000-note import's parse): one `key: value` per line where
 * each value is a JSON value (what Hearth writes, export-markdown.ts; JSON is YAML with the same meaning), a plain
 * one-line string, or a flow list of plain words (`tags: [a, b]`, what most other tools write). Anything YAML could
 * read differently (numbers, `True`, `~`, comments, quotes, indentation, repeated keys) returns null, and the YAML
 * parser decides; front-matter.test.ts checks this agrees with it on thousands of generated lines.
 */
export function simpleFrontMatter(block: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^([A-Za-z_][\w?-]*): (.+)$/.exec(line);
    if (!m?.[1] || m[2] === undefined || m[1] in data || SPECIAL.test(m[1])) return null;
    const value = simpleValue(m[2]);
    if (value === undefined) return null;
    data[m[1]] = value;
  }
  return data;
}

/** Words the YAML core schema reads as null or a boolean (their lower-case forms are JSON and take that path). */
const SPECIAL = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Characters that end, break or escape a plain scalar somewhere in YAML; any of them sends the line to the parser. */
const UNSAFE = /[\p{Cc}\p{Cs}\u2028\u2029\ufeff\ufffe\uffff]|: |:$| #|\s$/u;
const DATE = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)?)?$/;

/** A JSON number, as JSON.parse reads it (trying JSON.parse on every value would throw, slowly, on most of them). */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** The value of one line, or undefined when only the YAML parser may say. */
function simpleValue(v: string): unknown {
  const first = v[0];
  if (first === '"' || first === '{') return json(v);
  if (v === 'true' || v === 'false' || v === 'null') return JSON.parse(v) as unknown;
  if (NUMBER.test(v)) return Number(v);
  if (first === '[') return plainList(v) ?? json(v);
  // A plain string: starts with a letter (or is a date, which the core schema keeps as text).
  return UNSAFE.test(v) || SPECIAL.test(v) || !(/^\p{L}/u.test(v) || DATE.test(v)) ? undefined : v;
}

function json(v: string): unknown {
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return undefined;
  }
}

/** `[a, b c]`: words that YAML reads as strings, or null. */
function plainList(v: string): string[] | null {
  if (UNSAFE.test(v) || !v.endsWith(']')) return null;
  // YAML trims spaces around a flow item, and only spaces (String.trim would also drop a BOM or a no-break space).
  const items = v
    .slice(1, -1)
    .split(',')
    .map((w) => w.replace(/^ +| +$/g, ''));
  return items.every((w) => /^\p{L}[^[\]{},:#'"]*$/u.test(w) && !SPECIAL.test(w)) ? items : null;
}

/** Tags from front matter: a list (flow or block), or one string of names separated by commas or spaces; `#` dropped. */
export function frontMatterTags(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  return list.filter((t): t is string | number => typeof t === 'string' || typeof t === 'number').map((t) => String(t).trim().replace(/^#/, ''));
}
