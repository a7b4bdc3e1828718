// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Journal } from '../../../../src-shared/domains/journal/journal.schemas';
import { addDays, startOfIsoWeek } from '../../../../src-shared/lib/local-date';
import { fake } from '../../../api/fake-client';
import { localToday } from '../plans/today';
import { ImportPreviewSummary } from '../tools/ImportPreviewSummary';
import { ReviewView } from './ReviewView';

vi.mock('../../../api/client', async () => (await import('../../../api/fake-client')).fakeClientModule);
Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

const E = '01JD0000000000000000000009';
const J = '01JD0000000000000000000008';
let root: Root;
let host: HTMLElement;
const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const settle = () => act(() => new Promise((r) => setTimeout(r, 10)));
async function until(check: () => boolean) {
  for (let i = 0; i < 50 && !check(); i += 1) await settle();
  expect(check()).toBe(true);
}

beforeEach(() => {
  fake.reset();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('weekly review view', () => {
  it('reads this week, steps back a week, and says which journal the review was saved to', async () => {
    fake.handle('goals', 'weeklyReview', ({ weekOf }) => ({
      weekStart: weekOf!,
      weekEnd: addDays(weekOf!, 6),
      tasksDone: [{ taskId: E, title: 'Pay rent', at: `${weekOf}T10:00:00.000Z` }],
      habits: [
        { habitId: E, title: 'Read', kept: 3, due: 5 },
        { habitId: J, title: 'Run', kept: 0, due: 0 },
      ],
      keyResultChanges: [{ keyResultId: E, goalTitle: 'Spanish', title: 'Words', from: 100, to: 250, unit: 'words' }],
      journalEntries: [],
      markdown: `# Week of ${weekOf}`,
    }));
    fake.handle('goals', 'saveReview', () => ({ entryId: E, journalId: J }));
    const at = '2026-03-01T09:00:00.000Z';
    const journal: Journal = {
      id: J,
      name: 'Reviews',
      color: 'slate',
      icon: 'book',
      privacy: 'normal',
      open: true,
      metrics: [],
      entryCount: 1,
      createdAt: at,
      updatedAt: at,
    };
    fake.handle('journal', 'listJournals', () => [journal]);
    act(() => root.render(<ReviewView />));
    const thisWeek = startOfIsoWeek(localToday());
    await until(() => byTestId('review-tasks')?.textContent?.includes('Pay rent') ?? false);
    expect(fake.calls.find((c) => c.channel === 'goals:weeklyReview')?.input).toEqual({ weekOf: thisWeek });
    expect(byTestId('review-habits')!.textContent).toContain('3 of 5 times');
    expect(byTestId('review-habits')!.textContent).toContain('not due this week');
    expect(byTestId('review-krs')!.textContent).toContain('100 → 250 words');
    expect(byTestId('review-journal')!.textContent).toContain('Nothing written');
    expect((byTestId('review-next') as HTMLButtonElement).disabled).toBe(true);

    act(() => byTestId('review-prev')!.click());
    await until(() => byTestId('review-markdown')?.textContent === `# Week of ${addDays(thisWeek, -7)}`);

    act(() => byTestId('review-save')!.click());
    await until(() => byTestId('review-saved') !== null);
    expect(byTestId('review-saved')!.textContent).toBe('Saved as an entry in the journal “Reviews”.');
    expect(fake.calls.find((c) => c.channel === 'goals:saveReview')?.input).toEqual({ weekOf: addDays(thisWeek, -7) });
  });
});

describe('import preview', () => {
  it('shows counts, duplicates, skipped rows with why, warnings and sample rows with depth', () => {
    const html = renderToStaticMarkup(
      <ImportPreviewSummary
        preview={{
          previewId: 'p',
          format: 'todoist',
          tasks: 21,
          subtasks: 1,
          completed: 0,
          recurring: 1,
          projects: ['inbox', 'test section'],
          tags: ['home'],
          duplicates: 2,
          skipped: [{ reason: 'empty spacer rows', count: 5 }],
          warnings: ['Row 9: an unknown date "someday" was kept in the notes.'],
          records: [],
          sample: [
            { title: 'prio 1', dueDate: null, priority: 1, tags: [], project: 'inbox', depth: 0 },
            { title: 'child', dueDate: '2026-04-06', priority: 4, tags: ['home'], project: null, depth: 1 },
          ],
        }}
      />,
    );
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('21 tasks, 1 sub-task, 0 completed, 1 repeating, 2 projects, 1 tag');
    expect(text).toContain('2 tasks already imported from this source: skipped.');
    expect(text).toContain('5 × empty spacer rows');
    expect(text).toContain('Row 9: an unknown date &quot;someday&quot; was kept in the notes.');
    expect(text).toContain('↳ child');
    expect(text).toContain('P4 · #home');
    expect(html).not.toContain('goals-import-records');
  });

  it('shows every kind of record a Hearth goals JSON file holds, and duplicates as records already in the profile', () => {
    const html = renderToStaticMarkup(
      <ImportPreviewSummary
        preview={{
          previewId: 'p',
          format: 'hearth',
          tasks: 4,
          subtasks: 1,
          completed: 1,
          recurring: 1,
          projects: ['Life'],
          tags: [],
          duplicates: 3,
          skipped: [{ reason: 'key results whose goal is not in the file or this profile', count: 1 }],
          warnings: [],
          records: [
            { kind: 'plans', count: 1 },
            { kind: 'goals', count: 2 },
            { kind: 'habit check-ins', count: 5 },
          ],
          sample: [],
        }}
      />,
    );
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Hearth goals JSON');
    expect(text).toContain('1 plans, 2 goals, 5 habit check-ins');
    expect(text).toContain('3 records already in this profile: skipped.');
    expect(text).toContain('Not imported: 1 × key results whose goal');
  });
});
