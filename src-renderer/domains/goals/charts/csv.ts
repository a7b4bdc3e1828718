/**
 * CSV of a chart's data (RFC 4180: comma, CRLF, quotes doubled). A text cell that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first) gets a leading apostrophe: goal and habit titles are the user's own text.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
