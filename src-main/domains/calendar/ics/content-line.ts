import { AppError } from '../../../../src-shared/ipc/result';

/** One property parameter; values are unquoted. */
export interface Param {
  name: string;
  values: string[];
}

/** One unfolded content line split into name, parameters and raw value (RFC 5545 §3.1). */
export interface ContentLine {
  name: string;
  params: Param[];
  value: string;
}

/** Caps that keep a hostile file from costing more than linear time and bounded memory. */
export const LINE_LIMITS = {
  /** SECURITY: a "fold bomb" (one property folded over a million lines) stops here with INVALID_INPUT. */
  maxContinuations: 20_000,
  maxLineChars: 4 * 1024 * 1024,
};

/**
 * Splits text into unfolded content lines. Accepts CRLF, LF and lone CR; a line starting with a space or tab
 * continues the previous one (only that first whitespace char is removed, so "CN=Sahaja\n  Lal" → "CN=Sahaja Lal").
 * Joining with an array keeps unfolding linear however many folds there are.
 */
export function unfoldLines(text: string, limits = LINE_LIMITS): string[] {
  const out: string[] = [];
  let parts: string[] = [];
  let chars = 0;
  const flush = (): void => {
    if (parts.length > 0) out.push(parts.join(''));
    parts = [];
    chars = 0;
  };
  // Scans line by line instead of split(): a hostile file is refused at the first over-long line, not after splitting all.
  const breaks = /\r\n|\n|\r/g;
  let from = 0;
  for (let lineNo = 1; from <= text.length; lineNo++) {
    const match = breaks.exec(text);
    const to = match ? match.index : text.length;
    const line = text.slice(from, to);
    from = match ? to + match[0].length : text.length + 1;
    const first = line.charCodeAt(0);
    if ((first === 0x20 || first === 0x09) && parts.length > 0) {
      if (parts.length > limits.maxContinuations) {
        throw new AppError('INVALID_INPUT', `Not a usable iCalendar file: the line at ${lineNo} is folded over more than ${limits.maxContinuations} lines.`);
      }
      chars += line.length - 1;
      if (chars > limits.maxLineChars) throw new AppError('INVALID_INPUT', `Not a usable iCalendar file: the line at ${lineNo} is longer than 4 MiB.`);
      parts.push(line.slice(1));
      continue;
    }
    flush();
    if (line.trim() !== '') {
      parts.push(line);
      chars = line.length;
    }
  }
  flush();
  return out;
}

/**
 * Parses one unfolded line, or null when it has no name or no ':'. Lenient like the apps that write these files:
 * a backslash in an unquoted parameter value escapes the next character (Apple writes `X-TITLE=a\; b`).
 */
export function parseContentLine(line: string): ContentLine | null {
  let i = 0;
  while (i < line.length && line[i] !== ';' && line[i] !== ':') i++;
  const name = line.slice(0, i).trim().toUpperCase();
  if (!name || i >= line.length) return null;
  const params: Param[] = [];
  while (line[i] === ';') {
    i++;
    const eq = line.indexOf('=', i);
    if (eq < 0) return null;
    const param: Param = { name: line.slice(i, eq).trim().toUpperCase(), values: [] };
    i = eq + 1;
    for (;;) {
      let value = '';
      if (line[i] === '"') {
        const close = line.indexOf('"', i + 1);
        if (close < 0) return null;
        value = line.slice(i + 1, close);
        i = close + 1;
      } else {
        while (i < line.length && line[i] !== ',' && line[i] !== ';' && line[i] !== ':') {
          if (line[i] === '\\' && i + 1 < line.length) i++;
          value += line[i];
          i++;
        }
      }
      param.values.push(value);
      if (line[i] !== ',') break;
      i++;
    }
    params.push(param);
  }
  if (line[i] !== ':') return null;
  return { name, params, value: line.slice(i + 1) };
}

export const paramValue = (line: ContentLine, name: string): string | undefined => line.params.find((p) => p.name === name)?.values[0];

/** Writes a content line; parameter values with `:;,` are quoted (RFC 5545 §3.2). */
export function formatContentLine(name: string, params: readonly Param[], value: string): string {
  const ps = params.map((p) => `;${p.name}=${p.values.map((v) => (/[:;,]/.test(v) ? `"${v.replace(/"/g, "'")}"` : v)).join(',')}`);
  return `${name}${ps.join('')}:${value}`;
}

/** TEXT value → string: `\n` `\N` `\,` `\;` `\\` (RFC 5545 §3.3.11). */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Splits a list value at commas not escaped by a backslash (CATEGORIES, RDATE, EXDATE). */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === ',') {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out;
}
