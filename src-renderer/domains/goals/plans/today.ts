import { todayIn } from '../../../../src-shared/lib/local-date';

/** The computer's IANA zone. */
export const computerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Today in the computer's zone (YYYY-MM-DD). */
export const localToday = (): string => todayIn(computerZone(), Date.now());
