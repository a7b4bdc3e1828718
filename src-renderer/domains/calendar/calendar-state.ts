import type { EditScope, EventTime } from '../../../src-shared/domains/calendar/calendar.schemas';
import type { Calendar, Occurrence, OverlayLayer, SearchHit } from './calendar-types';
import type { EditorTarget } from './editor';
import type { CalendarView, WeekStart } from './layout/grid';
import type { WallDelta } from './layout/move';
import type { OverlayData } from './overlays';
import { loadOverlayPrefs } from './overlays';
import { todayInZone, viewerZone } from './layout/days';

export interface CalendarState {
  /** The viewer's zone: every layout call gets it explicitly. */
  zone: string;
  weekStart: WeekStart;
  view: CalendarView;
  /** The day the view is built around ('YYYY-MM-DD'). */
  anchor: string;
  today: string;
  calendars: Calendar[];
  occurrences: Occurrence[];
  /** The range the occurrences were read for ("from/days/zone"), so a re-render does not read again. */
  loadedKey: string | null;
  loading: boolean;
  error: string | null;
  overlaysOn: Record<OverlayLayer, boolean>;
  overlays: OverlayData;
  editor: EditorTarget | null;
  /** The focused event instance (occurrenceId), opened with Enter. */
  focused: string | null;
  notice: { id: number; message: string } | null;
  query: string;
  hits: SearchHit[] | null;
  searchError: string | null;

  start(): () => void;
  load(force?: boolean): Promise<void>;
  setView(view: CalendarView): void;
  go(dir: 1 | -1): void;
  goToday(): void;
  goTo(date: string, view?: CalendarView): void;
  setCalendarVisible(id: string, visible: boolean): Promise<void>;
  toggleOverlay(layer: OverlayLayer): void;
  openEvent(occ: Pick<Occurrence, 'eventId' | 'occurrenceKey'>): void;
  openDraft(start: EventTime, end: EventTime): void;
  closeEditor(): void;
  focus(id: string | null): void;
  /** Moves or resizes an instance by a wall delta (scope asked before by the caller for a repeating event). */
  shift(occ: Occurrence, mode: 'move' | 'resize', delta: WallDelta, scope: EditScope): Promise<void>;
  search(query: string): void;
  say(message: string): void;
}

export function initialState(): Omit<
  CalendarState,
  { [K in keyof CalendarState]: CalendarState[K] extends (...args: never[]) => unknown ? K : never }[keyof CalendarState]
> {
  const zone = viewerZone();
  const today = todayInZone(zone, Date.now());
  return {
    zone,
    weekStart: 1,
    view: 'month',
    anchor: today,
    today,
    calendars: [],
    occurrences: [],
    loadedKey: null,
    loading: false,
    error: null,
    overlaysOn: loadOverlayPrefs(),
    overlays: { items: [], journal: new Map(), failed: [] },
    editor: null,
    focused: null,
    notice: null,
    query: '',
    hits: null,
    searchError: null,
  };
}
