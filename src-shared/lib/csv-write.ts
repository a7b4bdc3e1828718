/**
 * The one CSV writer and the one formula-escaping rule (OWASP "CSV injection", CWE-1236). Import it via
 * csv.ts. Pure: no Node, no DOM.
 *
 * The rule: a cell that starts with `=`, `+`, `-`, `@`, TAB, CR or NUL (possibly behind `'`
 * characters) gets a leading `'`, so a spreadsheet shows it as text instead of running it. One
 * exception: a cell that is entirely a plain decimal number (`-3`, `+4.20`) is left alone, because a
 * spreadsheet reads it as that number and runs nothing, and quantities and day counts must stay numbers.
 * {@link unescapeFormula} is the exact inverse, so Hearth's own exports read back unchanged.
 */

/** A cell value: null and undefined are written as empty cells, numbers and booleans as their text. */
export type CsvValue = string | number | boolean | null | undefined;

/** How {@link formatCsv} writes. */
export interface CsvWriteOptions {
  /** Quote every field, not only those RFC 4180 requires (some spreadsheets then keep text as text). Default false. */
  quoteAll?: boolean;
  /** Apply the formula-escaping rule. Default true: turn it off only for files never meant for a spreadsheet. */
  escapeFormulas?: boolean;
  /** Start with a UTF-8 byte-order mark so spreadsheet apps read accents right. Default false. */
  bom?: boolean;
}

const FORMULA_START = /^'*[=+\-@\t\r\0]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** True when a spreadsheet could run `value` as a formula (the rule above, looking past leading `'`). */
export function needsFormulaEscape(value: string): boolean {
  // Leading quotes are skipped on both tests, so `needsFormulaEscape("'" + v) === needsFormulaEscape(v)`:
  // that is what makes unescapeFormula an exact inverse.
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value.replace(/^'+/, ''));
}

/** Prefixes `'` to a value a spreadsheet would run; a value already starting `'=` gets a second quote. */
export function escapeFormula(value: string): string {
  // SECURITY: neutralises =, +, -, @, TAB, CR and NUL at the start of a cell (CSV injection).
  return needsFormulaEscape(value) ? `'${value}` : value;
}

/** Inverse of {@link escapeFormula}: drops one leading `'` only when the rest still needs escaping. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && needsFormulaEscape(value.slice(1)) ? value.slice(1) : value;
}

/**
 * One RFC 4180 field: formula-escaped unless `escapeFormulas: false`, then quoted when `quoteAll` or
 * when it holds a quote, comma, CR or LF or starts or ends with white space (which some readers trim).
 */
export function formatCsvField(value: CsvValue, options: CsvWriteOptions = {}): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (options.escapeFormulas !== false) text = escapeFormula(text);
  if (options.quoteAll || /[",\r\n]|^\s|\s$/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** RFC 4180 text: fields joined by commas, CRLF after every record including the last. */
export function formatCsv(records: readonly (readonly CsvValue[])[], options: CsvWriteOptions = {}): string {
  const body = records.map((fields) => fields.map((f) => formatCsvField(f, options)).join(',')).join('\r\n');
  return `${options.bom ? '\uFEFF' : ''}${body}\r\n`;
}
