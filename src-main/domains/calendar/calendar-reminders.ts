import { z } from 'zod';
import { AppError } from '../../../src-shared/ipc/result';
import type { ChangeRow } from '../../platform/context';
import { defineSettings } from '../../platform/settings-store';
import type { CalendarCore } from './calendar-core';
import { dueAlarms, type DueAlarm } from './calendar-reminders-due';
import { createReminderList } from './calendar-reminders-list';
import type { SeriesStore } from './calendar-series';
import type { CalendarReminderTable } from './calendar.table';

/** When the scheduler last looked: alarms after it and before the next look came due unseen (closed, locked, asleep). */
const ReminderSettings = z.object({ lastCheckedMs: z.number().int().nullable() });
export const reminderSettings = defineSettings<z.infer<typeof ReminderSettings>>({
  namespace: 'calendar.reminders',
  schema: ReminderSettings,
  defaults: { lastCheckedMs: null },
});

/** Alarms missed while Hearth was closed are caught up for this long, at most this many (the newest). */
export const MISSED_WINDOW_MS = 7 * 86_400_000;
export const MISSED_CAP = 200;
/** A reminder recorded this late (the computer slept) counts as missed too. */
const LATE_MS = 5 * 60_000;
/**
 * The scheduler looks at least this often, so an edit elsewhere or a changed clock is never far behind. With test hooks
 * on (HEARTH_TEST_HOOKS=1, `POST /api/test/clock` in src-main/host/web.ts) every second, so a moved clock is seen at once.
 */
const DEFAULT_MAX_SLEEP_MS = process.env.HEARTH_TEST_HOOKS === '1' ? 1000 : 60_000;
/** Each check sends at most this many `reminder` events; `reminders()` lists them all. */
const MAX_EVENTS_PER_CHECK = 20;
const PERSIST_EVERY_MS = 10 * 60_000;
const OWN_TABLES = new Set(['calendar_reminders', 'settings']);

export interface ReminderDeps {
  series: SeriesStore;
  /** Longest sleep between looks (default 60 s; 1 s with test hooks on). */
  maxSleepMs?: number;
}

/**
 * The one reminder scheduler (docs/architecture.md#calendar). On unlock, and then on a timer to the next due alarm
 * (never sleeping longer than `maxSleepMs`), it records each alarm that came due as a `calendar_reminders` row, once:
 * the row id is the alarm's key, so a second look inserts nothing. The clock is `ctx.now()` only.
 */
export function createReminders(core: CalendarCore, deps: ReminderDeps) {
  const { ctx } = core;
  const maxSleep = deps.maxSleepMs ?? DEFAULT_MAX_SLEEP_MS;
  let timer: NodeJS.Timeout | null = null;
  let unlockedAt: number | null = null;
  /** When this session last looked (forgotten on lock). */
  let lastLook: number | null = null;
  let generation = 0;
  let running: Promise<void> = Promise.resolve();
  // A snooze re-plans, so the snoozed reminder fires again on time.
  const list = createReminderList(core, () => void run());
  const view = list.view;

  /** Records what came due since the last look (and snoozes that ran out); returns the rows that fired now. */
  async function record(now: number, due: DueAlarm[], persist: boolean): Promise<CalendarReminderTable[]> {
    const at = core.iso();
    const missedBefore = unlockedAt ?? now;
    // Most looks find nothing new: those write nothing (no change-log row, no `changed` event).
    if (!persist && !(await anythingNew(now, due))) return [];
    return ctx.write(async (trx) => {
      const fired: CalendarReminderTable[] = [];
      const existing = new Map(
        (
          await trx
            .selectFrom('calendar_reminders')
            .selectAll()
            .where('id', 'in', due.length > 0 ? due.map((d) => d.key) : [''])
            .execute()
        ).map((r) => [r.id, r]),
      );
      for (const d of due) {
        const old = existing.get(d.key);
        // Already recorded for this time: exactly once. A moved event's alarm (same key, new time) fires again.
        if (old && old.fire_at_ms === d.fireAtMs) continue;
        const missed = d.fireAtMs < missedBefore || now - d.fireAtMs > LATE_MS ? 1 : 0;
        const row: CalendarReminderTable = {
          id: d.key,
          event_id: d.eventId,
          occurrence_key: d.occurrenceKey,
          fire_at_ms: d.fireAtMs,
          start_ms: d.startMs,
          state: 'fired',
          snooze_until_ms: null,
          missed,
          created_at: old?.created_at ?? at,
          updated_at: at,
          deleted_at: null,
        };
        if (old) await trx.updateTable('calendar_reminders').set(row).where('id', '=', d.key).execute();
        else await trx.insertInto('calendar_reminders').values(row).execute();
        fired.push(row);
      }
      const woke = await trx.selectFrom('calendar_reminders').selectAll().where('state', '=', 'snoozed').where('snooze_until_ms', '<=', now).execute();
      for (const r of woke) {
        await trx.updateTable('calendar_reminders').set({ state: 'fired', updated_at: at }).where('id', '=', r.id).execute();
        fired.push({ ...r, state: 'fired' });
      }
      if (persist || fired.length > 0) await ctx.settings(reminderSettings).set({ lastCheckedMs: now });
      return fired;
    });
  }

  async function anythingNew(now: number, due: DueAlarm[]): Promise<boolean> {
    const keys = due.map((d) => d.key);
    const seen = await ctx
      .db()
      .selectFrom('calendar_reminders')
      .select(['id', 'fire_at_ms'])
      .where('id', 'in', keys.length ? keys : [''])
      .execute();
    const at = new Map(seen.map((r) => [r.id, r.fire_at_ms]));
    if (due.some((d) => at.get(d.key) !== d.fireAtMs)) return true;
    const woke = await ctx
      .db()
      .selectFrom('calendar_reminders')
      .select('id')
      .where('state', '=', 'snoozed')
      .where('snooze_until_ms', '<=', now)
      .executeTakeFirst();
    return woke !== undefined;
  }

  async function anyAlarms(): Promise<boolean> {
    const row = await ctx
      .db()
      .selectFrom('calendar_events')
      .select('id')
      .where('has_alarms', '=', 1)
      .where('deleted_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** One look: catch up, record, announce, and return when to look again (ms from now). */
  async function check(): Promise<number> {
    const now = ctx.now();
    const { lastCheckedMs } = await ctx.settings(reminderSettings).get();
    // This session's last look when there was one (a profile without reminders never saves its own), else the saved one.
    const since = Math.max(lastLook ?? -Infinity, lastCheckedMs ?? -Infinity);
    const from = Math.max(Math.min(Number.isFinite(since) ? since : now, now), now - MISSED_WINDOW_MS);
    const all = await dueAlarms(core, deps.series, from, now + maxSleep);
    const due = all.filter((d) => d.fireAtMs <= now).slice(-MISSED_CAP);
    // The last look's time is saved when something fired and otherwise every few minutes: a catch-up re-reads at most
    // that much more, and alarms already recorded are skipped by their key.
    // A profile without any reminder never writes (no change-log row, nothing to sync).
    const stale = lastCheckedMs === null || now < lastCheckedMs || now - lastCheckedMs >= PERSIST_EVERY_MS;
    const persist = stale && (all.length > 0 || (await anyAlarms()));
    const fired = await record(now, due, persist);
    const views = await Promise.all(
      fired
        .sort((a, b) => b.fire_at_ms - a.fire_at_ms)
        .slice(0, MAX_EVENTS_PER_CHECK)
        .map(view),
    );
    for (const v of views) if (v) ctx.emit('reminder', v);
    lastLook = now;
    const snooze = await ctx
      .db()
      .selectFrom('calendar_reminders')
      .select((eb) => eb.fn.min<number>('snooze_until_ms').as('next'))
      .where('state', '=', 'snoozed')
      .executeTakeFirst();
    const next = Math.min(all.find((d) => d.fireAtMs > now)?.fireAtMs ?? Infinity, Number(snooze?.next ?? Infinity));
    return Math.max(0, Math.min(maxSleep, next - now));
  }

  /** Runs a check after any running one (never two at once) and arms the timer for the next. */
  function run(): Promise<void> {
    const gen = generation;
    running = running.then(async () => {
      if (gen !== generation || unlockedAt === null) return;
      let sleep = maxSleep;
      try {
        sleep = await check();
      } catch (err) {
        // A look cut short by a lock is expected (the database closed under it), and so is one refused until a
        // recovery unlock sets its new password (the next look after that runs); anything else is worth a log line.
        const waitingForPassword = err instanceof AppError && err.code === 'PASSWORD_CHANGE_REQUIRED';
        if (gen === generation && !waitingForPassword) ctx.log.error('reminder check failed', err);
      }
      if (gen !== generation || unlockedAt === null) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), sleep);
      timer.unref();
    });
    return running;
  }

  return {
    handlers: list.handlers,
    /** Catches up on what came due while closed or locked (marked missed), then keeps the timer going. */
    async onUnlock(): Promise<void> {
      generation += 1;
      unlockedAt = ctx.now();
      await run();
    },
    onLock(): void {
      lastLook = null;
      generation += 1;
      unlockedAt = null;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** After a committed calendar change (an event or alarm edited): look again now. The scheduler's own writes are ignored. */
    replan(changes?: readonly ChangeRow[]): Promise<void> {
      if (changes && changes.every((c) => OWN_TABLES.has(c.table))) return Promise.resolve();
      return run();
    },
  };
}
export type RemindersPart = ReturnType<typeof createReminders>;
