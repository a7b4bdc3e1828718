import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pick } from '../bench/measure';
import { writeSampleMbox } from '../domains/email/email-sample-mbox';
import { any, full, has, ids, int, room, setup, type SoakOp } from './soak-op-kit';

/** The soak's writes of the calendar (some events recurring), goals (tasks completed and reopened), email (mbox import) and settings modules. */
export const PLAN_WRITES: SoakOp[] = [
  {
    name: 'calendar.createEvent',
    weight: 4,
    can: room('event'),
    run: (c) => {
      const day = `2027-0${int(c.rand, 1, 9)}-1${int(c.rand, 0, 9)}`;
      const rrule = c.rand() < 0.3 ? pick(c.rand, ['FREQ=WEEKLY;COUNT=10', 'FREQ=DAILY;INTERVAL=2', 'FREQ=MONTHLY;BYMONTHDAY=10']) : null;
      const rev = c.model.nextRev;
      return c.write('calendar.createEvent', { kind: 'event', action: 'create', state: `c${rev}` }, async () => {
        const out = await c.client.calendar.createEvent({
          calendarId: setup(c.model).calendarId,
          title: `c${rev}`,
          description: `${c.canary} event ${rev}`,
          start: { kind: 'zoned', local: `${day}T09:00`, tz: 'Europe/London' },
          end: { kind: 'zoned', local: `${day}T10:00`, tz: 'Europe/London' },
          rrule,
        });
        return out.id;
      });
    },
  },
  {
    name: 'calendar.updateEvent',
    weight: 3,
    can: has('event'),
    run: (c) => {
      const id = any(c, 'event');
      const rev = c.model.nextRev;
      return c.write('calendar.updateEvent', { kind: 'event', action: 'update', id, state: `c${rev}` }, async () => {
        await c.client.calendar.updateEvent({ id, scope: 'all', patch: { title: `c${rev}` } });
      });
    },
  },
  {
    name: 'calendar.deleteEvent',
    weight: 2,
    can: full('event'),
    run: (c) => {
      const id = any(c, 'event');
      return c.write('calendar.deleteEvent', { kind: 'event', action: 'delete', id }, async () => {
        await c.client.calendar.deleteEvent({ id, scope: 'all' });
      });
    },
  },
  {
    name: 'goals.createTask',
    weight: 4,
    can: room('task'),
    run: (c) =>
      c.write('goals.createTask', { kind: 'task', action: 'create', state: 'todo' }, async () => {
        return (await c.client.goals.createTask({ title: `t${c.model.nextRev}`, notes: `${c.canary} task`, dueDate: '2027-03-01' })).id;
      }),
  },
  {
    name: 'goals.completeTask',
    weight: 4,
    can: (m) => Object.values(m.records.task).includes('todo'),
    run: (c) => {
      const id = pick(
        c.rand,
        ids(c.model, 'task').filter((i) => c.model.records.task[i] === 'todo'),
      );
      return c.write('goals.completeTask', { kind: 'task', action: 'update', id, state: 'done' }, async () => {
        await c.client.goals.completeTask({ id });
      });
    },
  },
  {
    name: 'goals.uncompleteTask',
    weight: 3,
    can: (m) => Object.values(m.records.task).includes('done'),
    run: (c) => {
      const id = pick(
        c.rand,
        ids(c.model, 'task').filter((i) => c.model.records.task[i] === 'done'),
      );
      return c.write('goals.uncompleteTask', { kind: 'task', action: 'update', id, state: 'todo' }, async () => {
        await c.client.goals.uncompleteTask({ id });
      });
    },
  },
  {
    name: 'goals.deleteTask',
    weight: 2,
    can: full('task'),
    run: (c) => {
      const id = any(c, 'task');
      return c.write('goals.deleteTask', { kind: 'task', action: 'delete', id }, async () => {
        await c.client.goals.deleteTask({ id });
      });
    },
  },
  {
    name: 'email.import',
    weight: 1,
    can: (m) => m.emailMessages < 400,
    run: async (c) => {
      const messages = int(c.rand, 3, 8);
      const file = path.join(c.scratch, `soak-${c.model.nextRev}.mbox`);
      await writeSampleMbox(file, { messages, seed: int(c.rand, 1, 2 ** 31 - 1), canary: c.canary, avgBytes: 1500 });
      try {
        await c.write('email.import', { kind: 'email', action: 'create', state: String(messages), messages }, async () => {
          const run = await c.client.email.importStart({ source: { kind: 'path', path: file }, folder: 'Soak', wait: true });
          if (run.state !== 'done' || run.imported !== messages) throw new Error(`email import ended ${run.state} with ${run.imported}/${messages}`);
        });
      } finally {
        await rm(file, { force: true });
      }
    },
  },
  {
    name: 'settings.set',
    weight: 1,
    run: (c) => {
      const seconds = int(c.rand, 5, 600);
      return c.write('settings.set', { kind: 'settings', action: 'update', state: String(seconds) }, async () => {
        await c.client.settings.set({ clipboardClearSeconds: seconds, theme: pick(c.rand, ['system', 'light', 'dark'] as const) });
      });
    },
  },
];
