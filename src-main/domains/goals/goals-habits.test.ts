import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../src-shared/lib/local-date';
import { newId } from '../../lib/ids';
import { errorOf, PASSWORD, testCore } from '../../test/helpers';
import { setupGoals, type GoalsSetup } from './goals.test-helpers';

// The pinned clock: Sunday 2026-03-15, 10:30 in Berlin.
let s: GoalsSetup | null = null;
afterEach(async () => {
  await s?.close();
  s = null;
});
const start = async () => (s = await setupGoals());
/** Noon in Berlin on `date`. */
const noon = (date: string) => `${date}T11:00:00Z`;

describe('habits', () => {
  it('counts a daily streak day by day: today not done keeps it, a missed day breaks it, the best stays', async () => {
    const { goals: g, setNow } = await start();
    const h = await g.createHabit({ title: 'Meditate', startDate: '2026-03-10' });
    for (const date of ['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14']) await g.checkIn({ habitId: h.id, date });
    expect((await g.listHabits())[0]).toMatchObject({ currentStreak: 5, bestStreak: 5, dueToday: true, todayValue: 0, periodValue: 0 });
    expect(await g.checkIn({ habitId: h.id })).toMatchObject({ currentStreak: 6, bestStreak: 6, todayValue: 1 });

    setNow(noon('2026-03-16'));
    expect((await g.listHabits())[0]).toMatchObject({ currentStreak: 6, todayValue: 0 });
    setNow(noon('2026-03-17')); // the 16th went by without a check-in
    expect((await g.listHabits())[0]).toMatchObject({ currentStreak: 0, bestStreak: 6 });
    expect(await g.checkIn({ habitId: h.id })).toMatchObject({ currentStreak: 1, bestStreak: 6 });
    // A late check-in for the 16th mends the streak.
    expect(await g.checkIn({ habitId: h.id, date: '2026-03-16' })).toMatchObject({ currentStreak: 8, bestStreak: 8 });
    // The zone decides the day: 23:30 UTC on the 17th is already the 18th in Berlin.
    setNow('2026-03-17T23:30:00Z');
    expect((await g.checkIn({ habitId: h.id })).todayValue).toBe(1);
    expect((await g.habitHistory({ habitId: h.id, from: '2026-03-16', to: '2026-03-18' })).days.map((d) => d.value)).toEqual([1, 1, 1]);
  });

  it('keeps a 3-times-a-week habit by the week’s sum and a Mon/Wed/Fri habit by its due days', async () => {
    const { goals: g, setNow } = await start();
    const run = await g.createHabit({ title: 'Run', period: 'week', target: 3, startDate: '2026-03-02' });
    for (const date of ['2026-03-02', '2026-03-04', '2026-03-05', '2026-03-10']) await g.checkIn({ habitId: run.id, date });
    // Week of the 2nd kept; the running week (9th–15th) has 1 of 3: not kept yet, not broken either.
    expect((await g.listHabits())[0]).toMatchObject({ currentStreak: 1, bestStreak: 1, periodValue: 1, dueToday: true });
    await g.checkIn({ habitId: run.id, date: '2026-03-12', value: 2 });
    expect((await g.listHabits())[0]).toMatchObject({ currentStreak: 2, periodValue: 3 });
    setNow(noon('2026-03-23')); // the week of the 16th had none
    expect((await g.listHabits())[0]).toMatchObject({ currentStreak: 0, bestStreak: 2, periodValue: 0 });

    const gym = await g.createHabit({ title: 'Gym', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', startDate: '2026-03-02' });
    const days = await g.habitHistory({ habitId: gym.id, from: '2026-03-02', to: '2026-03-08' });
    expect(days.days.filter((d) => d.due).map((d) => d.date)).toEqual(['2026-03-02', '2026-03-04', '2026-03-06']);
    for (const date of ['2026-03-16', '2026-03-18', '2026-03-20']) await g.checkIn({ habitId: gym.id, date });
    // Sunday the 22nd is not a due day; Monday the 23rd is, and is not done yet.
    expect((await g.listHabits()).find((h) => h.id === gym.id)).toMatchObject({ currentStreak: 3, bestStreak: 3, dueToday: true });
    expect((await g.today({ date: '2026-03-22' })).habits.map((h) => h.title)).toEqual(['Run']);
    expect((await g.today({})).habits.map((h) => h.title)).toEqual(['Run', 'Gym']);
  });

  it('adds one per check-in without a value, sets a value, removes it with 0', async () => {
    const { goals: g } = await start();
    const h = await g.createHabit({ title: 'Read', target: 20, unit: 'pages', startDate: '2026-03-01' });
    await g.checkIn({ habitId: h.id });
    expect((await g.checkIn({ habitId: h.id, note: 'bus' })).todayValue).toBe(2);
    expect(await g.checkIn({ habitId: h.id, value: 25 })).toMatchObject({ todayValue: 25, currentStreak: 1 });
    expect(await g.checkIn({ habitId: h.id, value: 0 })).toMatchObject({ todayValue: 0, currentStreak: 0 });
    const n = await s!
      .db()
      .selectFrom('habit_checkins')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('moves a key result linked to a habit with each check-in, from the day the key result began', async () => {
    const { goals: g, setNow } = await start();
    const goal = await g.createGoal({ title: 'Read 12 books' });
    const h = await g.createHabit({ title: 'Read', target: 20, unit: 'pages', startDate: '2026-03-01', goalId: goal.id });
    await g.checkIn({ habitId: h.id, date: '2026-03-10', value: 50 }); // before the key result: not counted
    const kr = await g.createKeyResult({ goalId: goal.id, title: 'Pages', targetValue: 600, unit: 'pages', habitId: h.id });
    expect(kr).toMatchObject({ currentValue: 0, habitId: h.id });
    await g.checkIn({ habitId: h.id, value: 30 });
    setNow(noon('2026-03-16'));
    await g.checkIn({ habitId: h.id, value: 30 });
    const d = await g.getGoal({ id: goal.id });
    expect(d.keyResults[0]).toMatchObject({ currentValue: 60, progress: 10 });
    expect(d.keyResults[0]!.history.map((p) => p.value)).toEqual([0, 30, 60]);
    expect(d.progressLog.map((p) => p.progress)).toEqual([0, 5, 10]);
    expect((await errorOf(g.updateKeyResult({ id: kr.id, currentValue: 100 }))).code).toBe('INVALID_INPUT');

    // Deleting the habit leaves the key result at the total it reached.
    await g.deleteHabit({ id: h.id });
    expect((await g.getGoal({ id: goal.id })).keyResults[0]).toMatchObject({ currentValue: 60, habitId: null });
    expect(await g.listHabits()).toEqual([]);
    expect((await errorOf(g.checkIn({ habitId: h.id }))).code).toBe('NOT_FOUND');
  });

  it('archives a habit off Today and refuses bad rules, dates and ranges with typed errors', async () => {
    const { goals: g } = await start();
    const h = await g.createHabit({ title: 'Stretch', startDate: '2026-03-10' });
    expect(await g.updateHabit({ id: h.id, archived: true })).toMatchObject({ archived: true });
    expect((await g.today({})).habits).toEqual([]);
    expect((await g.updateHabit({ id: h.id, archived: false, rrule: 'FREQ=WEEKLY;BYDAY=SU', target: 2 })).dueToday).toBe(true);
    const codes = await Promise.all(
      [
        () => g.createHabit({ title: 'x', rrule: 'FREQ=HOURLY' }),
        () => g.createHabit({ title: 'x', rrule: 'FREQ=WEEKLY;BYDAY=XX' }),
        () => g.createHabit({ title: 'x', rrule: 'RRULE:FREQ=DAILY' }),
        () => g.createHabit({ title: 'x', startDate: '2026-02-30' }),
        () => g.createHabit({ title: 'x', target: 0 }),
        () => g.createHabit({ title: 'x', goalId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
        () => g.updateHabit({ id: h.id, rrule: 'nonsense' }),
        () => g.checkIn({ habitId: h.id, date: '2026-03-16' }),
        () => g.checkIn({ habitId: h.id, date: '2026-03-09' }),
        () => g.checkIn({ habitId: h.id, value: -1 }),
        () => g.habitHistory({ habitId: h.id, from: '2026-03-10', to: '2026-03-01' }),
        () => g.habitHistory({ habitId: h.id, from: '2025-01-01', to: '2026-03-01' }),
      ].map((f) => errorOf(f).then((e) => e.code)),
    );
    expect(codes).toEqual([
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'NOT_FOUND',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
    ]);
    expect((await g.listHabits()).map((x) => [x.title, x.rrule, x.target, x.todayValue])).toEqual([['Stretch', 'FREQ=WEEKLY;BYDAY=SU', 2, 0]]);
  });

  it('sees check-ins another process writes or removes (the CLI, browser mode) on the same profile', async () => {
    const a = await start();
    const h = await a.goals.createHabit({ title: 'Walk', startDate: '2026-03-01' });
    await a.goals.checkIn({ habitId: h.id, date: '2026-03-14' });
    expect((await a.goals.listHabits())[0]).toMatchObject({ currentStreak: 1, todayValue: 0 });

    // A second core on the same profile folder: its own connection, as another process has.
    const b = testCore(a.root, { now: a.now, systemTimeZone: () => 'Europe/Berlin' });
    const [profile] = await b.client.profile.list();
    await b.client.profile.unlock({ profileId: profile!.id, password: PASSWORD });
    try {
      await b.client.goals.checkIn({ habitId: h.id, value: 3 });
      await b.client.goals.checkIn({ habitId: h.id, date: '2026-03-13' });
      expect((await a.goals.listHabits())[0]).toMatchObject({ currentStreak: 3, bestStreak: 3, todayValue: 3 });
      await b.client.goals.checkIn({ habitId: h.id, date: '2026-03-14', value: 0 });
      expect((await a.goals.listHabits())[0]).toMatchObject({ currentStreak: 1, bestStreak: 1, todayValue: 3 });
      expect((await a.goals.habitHistory({ habitId: h.id, from: '2026-03-12', to: '2026-03-15' })).days.map((d) => d.value)).toEqual([0, 1, 0, 3]);
    } finally {
      await b.shutdown();
    }
  });
});

describe('habits at scale', () => {
  it('lists 20 habits with five years of check-ins in under 50 ms once warm', async () => {
    const { goals: g, ctx } = await start();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const rrule = i % 3 ? 'FREQ=DAILY' : 'FREQ=WEEKLY;BYDAY=MO,WE,FR';
      ids.push((await g.createHabit({ title: `Habit ${i}`, startDate: '2021-03-15', rrule, period: i % 2 ? 'day' : 'week', target: i % 2 ? 1 : 3 })).id);
    }
    await ctx.write(async (trx) => {
      const at = '2026-03-15T09:30:00.000Z';
      for (const habitId of ids) {
        const rows = [];
        // Every day but one in ten: streaks of nine.
        for (let d = '2021-03-15', n = 0; d <= '2026-03-14'; d = addDays(d, 1), n++) {
          if (n % 10 !== 9) rows.push({ id: newId(), habit_id: habitId, date: d, value: 1, note: '', created_at: at, updated_at: at });
        }
        for (let i = 0; i < rows.length; i += 500)
          await trx
            .insertInto('habit_checkins')
            .values(rows.slice(i, i + 500))
            .execute();
      }
    });
    const first = await g.today({});
    expect(first.habits).toHaveLength(13); // the 7 Mon/Wed/Fri habits are not due on a Sunday
    expect(first.habits.find((h) => h.period === 'day' && h.rrule === 'FREQ=DAILY')).toMatchObject({ bestStreak: 9 });
    // Warm: the cache is loaded by the first read, and the JIT optimises the day loops after a few calls.
    for (let i = 0; i < 15; i++) await g.listHabits();
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await g.listHabits();
      times.push(performance.now() - t);
    }
    const median = times.sort((a, b) => a - b)[3]!;
    console.info(`listHabits over 20 habits × 5 years of check-ins: median ${median.toFixed(1)} ms`);
    expect(median).toBeLessThan(50);
  });
});
