import { sql, type Kysely } from 'kysely';
import { epochDay } from '../../../src-shared/domains/goals/habit-streaks';
import type { Database } from '../../db/database';

interface Checkin {
  habit: string;
  day: number;
  value: number;
}
interface State {
  /** The newest change_log seq seen. */
  seq: number;
  byId: Map<string, Checkin>;
  /** Habit id → epoch day → value. */
  byHabit: Map<string, Map<number, number>>;
}

/** Past this many changed check-ins, reading them all again is as quick. */
const RELOAD_AFTER = 5000;
const CHUNK = 500;

/**
 * Every habit's check-ins in memory, kept current with the database the way the vault's live cache is
 * (src-main/domains/vault/vault-core.ts): every write, from this process or another (the CLI, browser mode), appends
 * to `change_log` in its own transaction, so the check-ins changed since the cache last looked are exactly the
 * `habit_checkins` rows logged after the seq it saw. Streaks need a habit's whole history, and reading years of
 * check-ins on every Today view costs more than the rest of the view.
 *
 * One state per open profile database (a WeakMap on its connection): a new session starts empty, and `clear()` (on
 * lock) drops everything at once.
 */
export function createCheckinCache() {
  let states = new WeakMap<Kysely<Database>, State>();

  const lastSeq = async (db: Kysely<Database>): Promise<number> =>
    Number((await sql<{ s: number | null }>`SELECT max(seq) AS s FROM change_log`.execute(db)).rows[0]?.s ?? 0);

  function put(st: State, id: string, c: Checkin | null): void {
    const old = st.byId.get(id);
    if (old) st.byHabit.get(old.habit)?.delete(old.day);
    if (!c) {
      st.byId.delete(id);
      return;
    }
    st.byId.set(id, c);
    let m = st.byHabit.get(c.habit);
    if (!m) st.byHabit.set(c.habit, (m = new Map()));
    m.set(c.day, c.value);
  }

  async function load(db: Kysely<Database>): Promise<State> {
    const st: State = { seq: await lastSeq(db), byId: new Map(), byHabit: new Map() }; // taken first: later commits are re-read
    const rows = await db.selectFrom('habit_checkins').select(['id', 'habit_id', 'date', 'value']).execute();
    for (const r of rows) put(st, r.id, { habit: r.habit_id, day: epochDay(r.date), value: r.value });
    return st;
  }

  async function refresh(db: Kysely<Database>, st: State): Promise<State> {
    const changed = (
      await sql<{ seq: number; table_name: string; row_id: string }>`SELECT seq, table_name, row_id FROM change_log WHERE seq > ${st.seq} ORDER BY seq`.execute(
        db,
      )
    ).rows;
    if (changed.length === 0) return st;
    const ids = [...new Set(changed.filter((c) => c.table_name === 'habit_checkins').map((c) => c.row_id))];
    if (ids.length > RELOAD_AFTER) return load(db);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const rows = await db.selectFrom('habit_checkins').select(['id', 'habit_id', 'date', 'value']).where('id', 'in', part).execute();
      const found = new Map(rows.map((r) => [r.id, r]));
      for (const id of part) {
        const r = found.get(id);
        put(st, id, r ? { habit: r.habit_id, day: epochDay(r.date), value: r.value } : null);
      }
    }
    st.seq = changed[changed.length - 1]!.seq;
    return st;
  }

  /**
   * Check-ins of `habitIds` by epoch day, current with the database `db` (the profile's, never a write's). The maps
   * are the cache's own: read them before the next await (a refresh may change them).
   */
  async function values(db: Kysely<Database>, habitIds: readonly string[]): Promise<Map<string, ReadonlyMap<number, number>>> {
    const had = states.get(db);
    const st = had ? await refresh(db, had) : await load(db);
    states.set(db, st);
    const none: ReadonlyMap<number, number> = new Map();
    return new Map(habitIds.map((id) => [id, st.byHabit.get(id) ?? none]));
  }

  return {
    values,
    clear: () => {
      states = new WeakMap();
    },
  };
}
export type CheckinCache = ReturnType<typeof createCheckinCache>;
