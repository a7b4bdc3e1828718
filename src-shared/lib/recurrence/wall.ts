import { AppError } from '../../ipc/result';

/**
 * Wall times as numbers: a local 'YYYY-MM-DDTHH:MM:SS' is held as the ms `Date.UTC` gives for its fields ("wall ms").
 * Every wall day then has exactly 86 400 000 ms, which is what RFC 5545 recurrence arithmetic wants: rules run in the
 * local time of DTSTART, and only the finished wall times are converted to instants.
 */

export const SECOND = 1000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** Real UTC offsets stay within −12 h … +14 h; this bounds wall ms − UTC ms for every zone. */
export const MAX_OFFSET = 15 * HOUR;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

function fromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, text: string): number {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March: a rolled value was not a real wall time.
  if (y < 1000 || back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) {
    throw invalid(`"${text.slice(0, 40)}" is not a real date and time.`);
  }
  return ms;
}

/** Wall ms of a local 'YYYY-MM-DDTHH:MM:SS'. */
export function parseLocal(local: string): number {
  const m = typeof local === 'string' ? LOCAL.exec(local) : null;
  if (!m) throw invalid(`"${String(local).slice(0, 40)}" is not a local time written as YYYY-MM-DDTHH:MM:SS.`);
  return fromFields(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), local);
}

/** Wall ms of midnight of a 'YYYY-MM-DD' date. */
export function parseDate(date: string): number {
  const m = typeof date === 'string' ? DATE.exec(date) : null;
  if (!m) throw invalid(`"${String(date).slice(0, 40)}" is not a date written as YYYY-MM-DD.`);
  return fromFields(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, date);
}

/** 'YYYY-MM-DDTHH:MM:SS' of wall ms. */
export function formatLocal(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19);
}

/** 'YYYY-MM-DD' of wall ms. */
export function formatDate(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

/** iCalendar basic form: 'YYYYMMDDTHHMMSS' (add 'Z' for UTC) or 'YYYYMMDD'. */
export function icalLocal(wallMs: number): string {
  return formatLocal(wallMs).replace(/[-:]/g, '');
}
export function icalDate(wallMs: number): string {
  return formatDate(wallMs).replace(/-/g, '');
}
