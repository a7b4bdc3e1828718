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
  const fast = jsonLines(m[1] ?? '');
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
 * The subset Hearth writes (export-markdown.ts): one `key: <JSON value>` per line. JSON is valid YAML with the same
 * meaning, so this reads exactly what the YAML parser would, about ten times faster; anything else returns null.
 */
function jsonLines(block: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^([A-Za-z_][\w?-]*): (.+)$/.exec(line);
    if (!m?.[1] || !/^["[{\dtfn-]/.test(m[2] ?? '') || m[1] in data) return null;
    try {
      data[m[1]] = JSON.parse(m[2] ?? '') as unknown;
    } catch {
      return null;
    }
  }
  return data;
}

/** Tags from front matter: a list (flow or block), or one string of names separated by commas or spaces; `#` dropped. */
export function frontMatterTags(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  return list.filter((t): t is string | number => typeof t === 'string' || typeof t === 'number').map((t) => String(t).trim().replace(/^#/, ''));
}
