/** The iCalendar layer of the calendar domain: .ics text ↔ one row per VEVENT/VTODO, and edits by scope. Pure. */
export { parseCalendarFile, decodeCalendarBytes, MAX_ICS_BYTES, MAX_ICS_COMPONENTS } from './parse';
export { promoteOrphans, overrideKey } from './group';
export { serialiseCalendar, generatedTimezone, HEARTH_PRODID, type SerialiseInput } from './serialise';
export { buildComponent, type NewEventInput } from './build';
export { editOccurrence, deleteOccurrence, type EditScope } from './edit';
export type { EditOptions, EditResult, SeriesTexts } from './edit-core';
export type { EventPatch } from './patch';
export { importPreview, type ImportPreview } from './preview';
export { toSpec } from './spec';
export { parseComponent, componentText } from './component';
export { extractFields } from './fields';
export type { Alarm, Attendee, EventFields, NameCount, ParsedComponent, ParsedFile, ParsedSeries } from './types';
