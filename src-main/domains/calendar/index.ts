/**
 * The calendar domain's public index for other main-side domains: its iCalendar layer (read, write and the small
 * pieces of RFC 5545 text). Goals reads VTODOs with it and writes its .ics export through the same serialiser.
 */
export { decodeCalendarBytes, parseCalendarFile, parseComponent, serialiseCalendar, type ParsedFile } from './ics';
export { prop } from './ics/component';
export { escapeText, paramValue } from './ics/content-line';
export { utcStamp, whenLine } from './ics/patch';
