import { AppError } from '../../ipc/result';
import { assertIsoDate, daysInMonth, formatParts, MAX_YEAR, MIN_YEAR } from '../../lib/local-date';

/** GS1 dates (YYMMDD, AIs 11, 13, 15, 16, 17) to and from YYYY-MM-DD; the calendar rules live in lib/local-date. */

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

/** The GS1 date form YYMMDD (AIs 11, 13, 15, 16, 17) of a YYYY-MM-DD date: `2026-12-31` → `261231`. */
export function toGs1Date(date: string): string {
  assertIsoDate(date, 'Date');
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

/** Options for `fromGs1Date`. */
export interface Gs1DateOptions {
  /**
   * Four-digit current year for the GS1 century rule (General Specifications §7.12): a YY more than 50
   * years ahead is last century, one 50 or more years behind is next century. Without it, 20YY.
   */
  referenceYear?: number;
  /**
   * How DD = 00 ("only year and month are known") resolves. GS1 reads it as the end of the month for
   * best-before and expiry (AIs 15, 16, 17); 'start-of-month' suits production dates (AI 11), where the
   * earliest possible day is the cautious reading. Default 'end-of-month'.
   */
  dayZero?: 'end-of-month' | 'start-of-month';
}

/** YYYY-MM-DD of a GS1 YYMMDD value; throws `INVALID_INPUT` for anything but a real date (or DD = 00). */
export function fromGs1Date(yymmdd: string, options: Gs1DateOptions = {}): string {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd);
  if (!match) throw invalid('A GS1 date must be six digits, YYMMDD.');
  const yy = Number(match[1]);
  const month = Number(match[2]);
  const dd = Number(match[3]);
  const year = resolveCentury(yy, options.referenceYear);
  if (month < 1 || month > 12) throw invalid(`GS1 date ${yymmdd} has no month ${match[2]}.`);
  const lastDay = daysInMonth(year, month);
  if (dd > lastDay) throw invalid(`GS1 date ${yymmdd} is not a real calendar date.`);
  const day = dd !== 0 ? dd : options.dayZero === 'start-of-month' ? 1 : lastDay;
  return formatParts(year, month, day);
}

function resolveCentury(yy: number, referenceYear: number | undefined): number {
  if (referenceYear === undefined) return 2000 + yy;
  if (!Number.isInteger(referenceYear) || referenceYear < MIN_YEAR + 100 || referenceYear > MAX_YEAR - 100) {
    throw invalid('The reference year must be a four-digit year.');
  }
  const century = Math.floor(referenceYear / 100) * 100;
  const diff = yy - (referenceYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}
