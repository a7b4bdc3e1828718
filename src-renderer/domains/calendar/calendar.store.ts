import { create } from 'zustand';
import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';
import { addDays } from '../../../src-shared/lib/local-date';
import { initialState, type CalendarState } from './calendar-state';
import { todayInZone } from './layout/days';
import { shiftAnchor, viewRange } from './layout/grid';
import { moveTimes, resizeTimes } from './layout/move';
import { loadOverlays, saveOverlayPrefs } from './overlays';

export type { CalendarState } from './calendar-state';

const DAY = 86_400_000;
/** Read a little around the visible days: zone offsets (≤ 14 h) and a quick step to the next period. */
const MARGIN_DAYS = 2;

let loadSeq = 0;
let searchSeq = 0;
let noticeSeq = 0;

/** Calendars, the instances of the visible range, overlays, the editor target and search. */
export const useCalendarStore = create<CalendarState>()((set, get) => {
  async function loadCalendars(): Promise<void> {
    try {
      set({ calendars: await api.calendar.listCalendars() });
    } catch (err) {
      set({ error: describeError(err) });
    }
  }

  return {
    ...initialState(),

    start() {
      // A burst of writes (an import, a sync) becomes one reload. A write that changed no calendar, event or task row
      // (reminder bookkeeping) carries no ids and changes nothing on screen.
      let pending: number | undefined;
      const offChanged = api.calendar.onChanged(({ ids }) => {
        if (ids.length === 0) return;
        window.clearTimeout(pending);
        pending = window.setTimeout(() => {
          void loadCalendars();
          void get().load(true);
        }, 120);
      });
      // Goals tasks and milestones are drawn in the tasks layer: a goals write reloads the view (not the calendars).
      let goalsPending: number | undefined;
      const offGoals = api.goals.onChanged(({ ids }) => {
        if (ids.length === 0 || !get().overlaysOn.tasks) return;
        window.clearTimeout(goalsPending);
        goalsPending = window.setTimeout(() => void get().load(true), 120);
      });
      // The day changes under a window left open overnight: "today" and its highlight follow.
      const timer = window.setInterval(() => set({ today: todayInZone(get().zone, Date.now()) }), 60_000);
      void loadCalendars();
      void get().load(true);
      return () => {
        window.clearTimeout(pending);
        window.clearTimeout(goalsPending);
        offChanged();
        offGoals();
        window.clearInterval(timer);
      };
    },

    async load(force = false) {
      const { view, anchor, weekStart, zone, overlaysOn } = get();
      const { from, days } = viewRange(view, anchor, weekStart);
      const key = `${from}/${days}/${zone}`;
      if (!force && key === get().loadedKey) return;
      const seq = ++loadSeq;
      set({ loading: true, error: null, loadedKey: key });
      const start = Date.parse(`${from}T00:00:00Z`) - MARGIN_DAYS * DAY;
      const end = Date.parse(`${from}T00:00:00Z`) + (days + MARGIN_DAYS) * DAY;
      try {
        const [occurrences, overlays] = await Promise.all([
          api.calendar.occurrences({ from: new Date(start).toISOString(), to: new Date(end).toISOString(), viewerZone: zone }),
          loadOverlays(overlaysOn, from, addDays(from, days - 1), zone),
        ]);
        if (seq === loadSeq) set({ occurrences, overlays, loading: false });
      } catch (err) {
        if (seq === loadSeq) set({ loading: false, error: describeError(err), loadedKey: null });
      }
    },

    setView(view) {
      set({ view });
      void get().load();
    },
    go(dir) {
      set((s) => ({ anchor: shiftAnchor(s.view, s.anchor, dir) }));
      void get().load();
    },
    goToday() {
      const today = todayInZone(get().zone, Date.now());
      set({ anchor: today, today });
      void get().load();
    },
    goTo(date, view) {
      set((s) => ({ anchor: date, view: view ?? s.view }));
      void get().load();
    },

    async setCalendarVisible(id, visible) {
      // Shown at once; the write follows (and is undone when it fails).
      set((s) => ({ calendars: s.calendars.map((c) => (c.id === id ? { ...c, visible } : c)) }));
      try {
        await api.calendar.updateCalendar({ id, visible });
      } catch (err) {
        set((s) => ({ calendars: s.calendars.map((c) => (c.id === id ? { ...c, visible: !visible } : c)) }));
        get().say(describeError(err));
      }
    },

    toggleOverlay(layer) {
      const overlaysOn = { ...get().overlaysOn, [layer]: !get().overlaysOn[layer] };
      saveOverlayPrefs(overlaysOn);
      set({ overlaysOn });
      void get().load(true);
    },

    openEvent(occ) {
      set({ editor: { eventId: occ.eventId, occurrenceKey: occ.occurrenceKey }, focused: `${occ.eventId}|${occ.occurrenceKey ?? ''}` });
    },
    openDraft(start, end) {
      const calendarId = get().calendars.find((c) => c.visible && !c.readOnly)?.id;
      set({ editor: { draft: { start, end, ...(calendarId ? { calendarId } : {}) } } });
    },
    closeEditor: () => set({ editor: null }),
    focus: (focused) => set({ focused }),

    async shift(occ, mode, delta, scope) {
      try {
        const detail = await api.calendar.getEvent({ id: occ.eventId, occurrenceKey: occ.occurrenceKey ?? undefined });
        // "All events" moves the series' own start by the same wall delta; "this" and "following" start from the instance.
        const base = scope === 'all' || !detail.occurrence ? { start: detail.start, end: detail.end } : detail.occurrence;
        const patch = mode === 'move' ? moveTimes(base.start, base.end, delta) : resizeTimes(base.start, base.end, delta);
        await api.calendar.updateEvent({ id: occ.eventId, occurrenceKey: occ.occurrenceKey ?? undefined, scope, patch });
        await get().load(true);
      } catch (err) {
        get().say(describeError(err));
      }
    },

    search(query) {
      const seq = ++searchSeq;
      set({ query, searchError: null, ...(query.trim() === '' ? { hits: null } : {}) });
      if (query.trim() === '') return;
      api.calendar.search({ query: query.trim() }).then(
        (hits) => seq === searchSeq && set({ hits }),
        (err: unknown) => seq === searchSeq && set({ hits: [], searchError: describeError(err) }),
      );
    },

    say: (message) => set({ notice: { id: ++noticeSeq, message } }),
  };
});

onSessionReset(() => {
  loadSeq += 1;
  searchSeq += 1;
  useCalendarStore.setState(initialState());
});
