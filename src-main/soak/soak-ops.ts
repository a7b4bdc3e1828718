import { any, has, type OpContext, type SoakOp, vaultPassword } from './soak-op-kit';
import { RECORD_WRITES } from './soak-writes';
import { PLAN_WRITES } from './soak-writes-plan';

/**
 * The soak's random operations: writes and reads of every module through the typed in-process client (the
 * router, with input and output validation, as every front door). Each write is announced, run, and
 * acknowledged with the ids it made; the model changes only on the acknowledgement.
 */

const READS: SoakOp[] = [
  { name: 'vault.list', weight: 2, run: (c) => c.read('vault.list', () => c.client.vault.list({ query: 'v1' })) },
  {
    name: 'vault.reveal',
    weight: 2,
    can: has('vault'),
    run: (c) => {
      const id = any(c, 'vault');
      const state = c.model.records.vault[id]!;
      return c.read('vault.reveal', async () => {
        const { value } = await c.client.vault.reveal({ id, field: 'password' });
        if (value !== vaultPassword(c.canary, state)) throw new Error(`vault.reveal of ${id} (${state}) returned another password`);
      });
    },
  },
  { name: 'batches.dashboard', weight: 1, run: (c) => c.read('batches.dashboard', () => c.client.batches.dashboard({})) },
  { name: 'journal.search', weight: 2, run: (c) => c.read('journal.search', () => c.client.journal.search({ query: 'entry' })) },
  { name: 'journal.list', weight: 1, run: (c) => c.read('journal.list', () => c.client.journal.list({})) },
  { name: 'files.search', weight: 1, run: (c) => c.read('files.search', () => c.client.files.search({ query: 'f1' })) },
  {
    name: 'calendar.occurrences',
    weight: 2,
    run: (c) => c.read('calendar.occurrences', () => c.client.calendar.occurrences({ from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' })),
  },
  { name: 'goals.today', weight: 1, run: (c) => c.read('goals.today', () => c.client.goals.today({})) },
  { name: 'email.search', weight: 1, run: (c) => c.read('email.search', () => c.client.email.search({ query: 'meeting' })) },
  { name: 'settings.get', weight: 1, run: (c) => c.read('settings.get', () => c.client.settings.get({})) },
];

const ALL = [...RECORD_WRITES, ...PLAN_WRITES, ...READS];

/** Runs one random operation that the model allows. */
export async function randomOp(c: OpContext): Promise<void> {
  const open = ALL.filter((o) => o.can?.(c.model) ?? true);
  let r = c.rand() * open.reduce((n, o) => n + o.weight, 0);
  for (const o of open) {
    r -= o.weight;
    if (r < 0) return o.run(c);
  }
  return open[open.length - 1]!.run(c);
}

/** The module names the soak covers (for the report). */
export const OP_NAMES = ALL.map((o) => o.name);
