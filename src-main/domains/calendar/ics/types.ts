import type { When } from '../../../../src-shared/lib/recurrence';

/** A reminder read from a VALARM. Relative triggers count from the start (or end) of the instance; negative = before. */
export interface Alarm {
  action: string;
  trigger: { relativeMs: number; related: 'start' | 'end' } | { absoluteMs: number };
  description?: string;
}

export interface Attendee {
  email: string;
  name?: string;
  role?: string;
  /** Upper-cased as read (`cancelled` → `CANCELLED`); the ics text keeps the original spelling. */
  partstat?: string;
}

/** The columns Hearth extracts from one VEVENT or VTODO. The component's text stays the source of truth. */
export interface EventFields {
  uid: string;
  recurrenceId: When | null;
  summary: string;
  location: string;
  description: string;
  /** Always set for a VEVENT (one without DTSTART is skipped); null only for a VTODO without DTSTART and DUE. */
  start: When | null;
  end: When | null;
  durationMs: number;
  allDay: boolean;
  /** Upper-cased STATUS, '' when absent. */
  status: string;
  categories: string[];
  attendees: Attendee[];
  rrules: string[];
  rdates: When[];
  exdates: When[];
  alarms: Alarm[];
  sequence: number;
  transp: string;
  url: string;
  priority: number;
  /** From GEO, or Apple's X-APPLE-STRUCTURED-LOCATION `geo:` URI. */
  geo?: { lat: number; lon: number };
  due?: When;
  completed?: number;
}

export interface ParsedComponent {
  /** BEGIN:VEVENT…END:VEVENT (or VTODO) incl. VALARMs: unfolded content lines joined by CRLF, each line verbatim. */
  ics: string;
  fields: EventFields;
}

export interface ParsedSeries {
  uid: string;
  /** null: overrides whose master is not in the file (orphans). */
  master: ParsedComponent | null;
  overrides: ParsedComponent[];
  /**
   * Orphans only: the UID of another series in the file whose DTSTART/RDATE instances are exactly these overrides'
   * RECURRENCE-IDs with the same SUMMARY (Google's birthday export). ical.js relates such exceptions to that event;
   * `promoteOrphans` does the same so the dates are not imported twice.
   */
  relatedUid?: string;
}

export interface NameCount {
  name: string;
  count: number;
}

export interface ParsedFile {
  /** VCALENDAR-level property lines verbatim (unfolded), minus VERSION/PRODID/CALSCALE which export writes itself. */
  calendarProps: string[];
  name?: string;
  /** TZID → the file's own VTIMEZONE text (CRLF-joined unfolded lines). */
  timezones: Map<string, string>;
  series: ParsedSeries[];
  tasks: ParsedSeries[];
  warnings: string[];
  /** Properties (on VEVENT/VTODO) Hearth does not interpret but keeps verbatim. */
  unsupported: NameCount[];
  /** Components Hearth drops (VJOURNAL, VFREEBUSY, X-…). */
  ignored: NameCount[];
}
