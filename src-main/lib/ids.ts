import { monotonicFactory } from 'ulid';

/** Sortable unique IDs (ULID), monotonic within a process so IDs made in one millisecond still sort. */
export const newId: () => string = monotonicFactory();

/** ISO 8601 UTC timestamps, the one format for created_at / updated_at / deleted_at. */
export const nowIso = (clock: () => number = Date.now): string => new Date(clock()).toISOString();
