import type { Kysely } from 'kysely';
import type { goalsContract } from '../../../src-shared/domains/goals/goals.contract';
import { todayIn } from '../../../src-shared/lib/local-date';
import type { Database } from '../../db/database';
import { nowIso } from '../../lib/ids';
import type { DomainContext } from '../../platform/context';

export type GoalsCtx = DomainContext<typeof goalsContract>;

/** What every part of the goals module shares: the context, the clock, the system zone and today's date in it. */
export function createGoalsCore(ctx: GoalsCtx) {
  const iso = (): string => nowIso(() => ctx.now());
  const zone = (): string => ctx.host.systemTimeZone();
  /** Today's local date in `tz` (default the system zone) on the injected clock. */
  const today = (tz: string = zone()): string => todayIn(tz, ctx.now());

  /** The next FTS document number of `tasks`: given once, never reused (a VACUUM cannot desynchronise the index). */
  async function nextDoc(trx: Kysely<Database>): Promise<number> {
    const r = await trx
      .selectFrom('tasks')
      .select((eb) => eb.fn.max<number>('doc').as('m'))
      .executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  }

  return { ctx, iso, zone, today, nextDoc };
}
export type GoalsCore = ReturnType<typeof createGoalsCore>;
