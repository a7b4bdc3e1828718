import type { SeriesSpec } from '../../../../src-shared/lib/recurrence';
import { AppError } from '../../../../src-shared/ipc/result';
import type { EventFields } from './types';

/** Fields → the recurrence engine's input. A VTODO without DTSTART recurs from its DUE (RFC 5545 §3.8.5.3). */
export function toSpec(fields: Pick<EventFields, 'start' | 'due' | 'durationMs' | 'rrules' | 'rdates' | 'exdates'>): SeriesSpec {
  const start = fields.start ?? fields.due;
  if (!start) throw new AppError('INVALID_INPUT', 'This item has neither a start nor a due date, so it has no occurrences.');
  return { start, durationMs: fields.durationMs, rrules: fields.rrules, rdates: fields.rdates, exdates: fields.exdates };
}
