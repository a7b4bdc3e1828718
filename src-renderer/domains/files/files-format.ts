import type { Snippet } from '../../../src-shared/domains/files/files.schemas';

/** 1.2 MB, 340 KB, 12 bytes: decimal units, like the OS file managers. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export type PreviewKind = 'image' | 'pdf' | 'text' | 'audio' | 'video' | 'none';

/** How a file can be shown in the page, from its sniffed type (never its name). SVG is not shown: it can carry script. */
export function previewKind(mime: string): PreviewKind {
  const m = mime.toLowerCase().split(';')[0]?.trim() ?? '';
  if (m === 'application/pdf') return 'pdf';
  if (/^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(m)) return 'image';
  if (m.startsWith('text/') || m === 'application/json') return 'text';
  if (m.startsWith('audio/')) return 'audio';
  if (m.startsWith('video/')) return 'video';
  return 'none';
}

const LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/plain': 'Text',
  'text/markdown': 'Markdown',
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'application/zip': 'ZIP archive',
  'application/octet-stream': 'File',
};

/** A short type name for the list ("PDF", "PNG image", "Markdown"). */
export function typeLabel(mime: string): string {
  const m = mime.toLowerCase().split(';')[0]?.trim() ?? '';
  if (LABELS[m]) return LABELS[m];
  const [top, sub = ''] = m.split('/');
  const short =
    sub
      .replace(/^(x-|vnd\.)/, '')
      .split(/[.+-]/)[0]
      ?.toUpperCase() ?? '';
  if (top === 'image' || top === 'audio' || top === 'video') return `${short} ${top}`.trim();
  return short || 'File';
}

/**
 * A snippet cut into plain and marked parts. Ranges from main are clamped to the text and merged when they
 * overlap, so a bad range can neither throw nor duplicate text. The parts are rendered as text nodes (<mark>
 * around the marked ones), never as HTML.
 */
export function snippetParts(snippet: Snippet): { text: string; mark: boolean }[] {
  const { text } = snippet;
  const ranges = snippet.ranges
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    if (b <= at) continue;
    const start = Math.max(a, at);
    const last = parts.at(-1);
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    // Touching or overlapping matches read as one mark.
    if (start === at && last?.mark) last.text += text.slice(start, b);
    else parts.push({ text: text.slice(start, b), mark: true });
    at = b;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/** "Saved a copy" file names: the name itself, or a safe fallback when it is not usable as a download name. */
export const downloadName = (name: string): string =>
  [...name]
    .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c))
    .join('')
    .slice(0, 200) || 'file';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Dec 2, 2026, 09:41": versions replaced on the same day differ only by their time. The raw text when it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}
