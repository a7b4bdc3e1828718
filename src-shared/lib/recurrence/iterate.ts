import { icalTime, wallOf } from './rule';
import type { ParsedRule } from './rule';

/** Iterator steps left; shared by all rules of one call so a hostile series cannot multiply the cap. */
export interface Budget {
  left: number;
  steps: number;
  truncated: boolean;
}

/**
 * The rule's instances as series-frame wall ms, from `fromWall` (DTSTART, or a fast-forwarded start), in order.
 * Applies the day filters parseRule took away from ical.js (see rule.ts) and counts COUNT itself when it did. Every
 * ical.js step costs one unit of `budget`; when it runs out the iteration stops and `budget.truncated` says so.
 */
export function* ruleInstances(rule: ParsedRule, fromWall: number, isDate: boolean, budget: Budget): Generator<number> {
  const iterator = rule.recur.iterator(icalTime(fromWall, isDate));
  let counted = 0;
  for (;;) {
    if (budget.left <= 0) {
      // SECURITY: a hostile rule (FREQ=SECONDLY with filters that never match) cannot hold the process.
      budget.truncated = true;
      return;
    }
    budget.left -= 1;
    budget.steps += 1;
    const next = iterator.next();
    if (!next) return;
    const wall = wallOf(next);
    if (rule.dayFilter && !rule.dayFilter(wall)) continue;
    if (rule.ownCount !== null && counted >= rule.ownCount) return;
    counted += 1;
    yield wall;
  }
}
