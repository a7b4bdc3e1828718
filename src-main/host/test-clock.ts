/**
 * Test-only (HEARTH_TEST_HOOKS=1, `hearth serve`): a clock end-to-end tests can move with `POST /api/test/clock`, so
 * "a reminder fires at 08:50" is checked without waiting for 08:50. Production cores use Date.now and never get one.
 * Time keeps running from the injected moment (an offset, not a frozen value), so timers and the idle lock behave.
 */
export interface TestClock {
  now(): number;
  set(nowMs: number): void;
}

export function createTestClock(base: () => number = Date.now): TestClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    set: (nowMs) => void (offset = nowMs - base()),
  };
}

/** The one settable clock of a `hearth serve` process with test hooks on; undefined otherwise. */
export const serveTestClock: TestClock | undefined = process.env.HEARTH_TEST_HOOKS === '1' ? createTestClock() : undefined;
