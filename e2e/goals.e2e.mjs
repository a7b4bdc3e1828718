/* global document -- evaluate callbacks run in the browser */
// Goals (issue 11), browser mode, on a moved clock (the server's test hook and the browser's clock together, UTC):
// a development plan with two goals and key results; repeating tasks made by quick add (the parse shown before
// saving); tasks completed and a habit checked in across three simulated days (the streak grows, the goal's
// progress bar moves, a recorded key-result value moves it again, the analytics chart's data changes); the PDF
// report (pdftoppm, pdftotext) and a tasks CSV exported; the Todoist and TickTick samples previewed with their exact
// counts and imported; the due task and the milestone on the calendar, a click opening the task in Goals;
// screenshots light and dark and at 800×600. Screenshots go to e2e/artifacts/goals-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES_DIR, FIXTURES_SKIP_REASON } from '../src-main/test/fixtures.ts';
import { apiCaller, createProfile } from './lib/flows.mjs';

const PASSWORD = 'copper meadow lantern ninety brisk 27';
const DAY = 86_400_000;
/** Monday 3 May 2027, 08:00 UTC: day 1. The server's zone and the browser's are both UTC. */
const START = Date.parse('2027-05-03T08:00:00Z');
const PLAN = 'Grow in 2027';
const SPANISH = 'Learn Spanish';
const RUN = 'Run a half marathon';

export async function run({ origin, token, url, screenshot, step, newPage, watchers }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-goals-e2e-'));
  const page = await newPage({ colorScheme: 'light', acceptDownloads: true, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  /** The same router the page calls (token header): for checking what was stored. */
  const api = apiCaller(origin, token);
  /** Moves both clocks: main's (test hook; "today" of the goals module) and the page's (quick add, analytics range). */
  const setClock = async (nowMs) => {
    const moved = await fetch(`${origin}/api/test/clock`, {
      method: 'POST',
      body: JSON.stringify({ nowMs }),
      headers: { 'x-hearth-token': token, 'content-type': 'application/json' },
    });
    assert.equal(moved.status, 200, 'the clock hook is on in e2e runs (HEARTH_TEST_HOOKS=1)');
    await page.clock.setSystemTime(nowMs);
  };
  const nav = (section) => page.getByTestId(`goals-nav-${section}`);
  /** Opens a section of the Goals page (another one first, so a moved clock's new day is read again). */
  const open = async (section) => {
    await nav(section === 'upcoming' ? 'today' : 'upcoming').click();
    await nav(section).click();
    await page.getByTestId(`goals-section-${section}`).waitFor();
  };
  const row = (title) => page.locator(`[data-testid=task-row][data-title="${title}"]`).first();
  const download = async (click, name) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = path.join(tmp, name ?? dl.suggestedFilename());
    await dl.saveAs(file);
    return file;
  };
  const tools = async (item) => {
    await page.getByTestId('goals-tools').click();
    await page.getByTestId(`goals-tools-${item}`).click();
    return page.getByRole('dialog');
  };
  const noSideScroll = async () =>
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the page scrolls sideways');
  /** The completed-per-day chart's CSV, as {date: count}. */
  const completedCsv = async (name) => {
    const text = readFileSync(await download(() => page.getByTestId('chart-completed-csv').click(), name), 'utf8');
    const [header, ...rows] = text.trim().split('\r\n');
    assert.equal(header, 'bucket_start,completed');
    return Object.fromEntries(rows.map((r) => r.split(',')).map(([d, v]) => [d, Number(v)]));
  };
  const ids = {};

  try {
    await step('opens Goals in a new profile on a moved clock: empty states say what to do', async () => {
      await page.clock.install({ time: START });
      await setClock(START);
      await page.goto(url);
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      await createProfile(page, 'Goal Keeper', PASSWORD);
      await page.keyboard.press('Control+5');
      await page.getByTestId('goals-page').waitFor();
      await page.getByTestId('goals-section-today').getByText('Nothing due today').waitFor();
      await screenshot('goals-01-today-empty');
    });

    await step('creates a development plan with two goals and their key results', async () => {
      await nav('goals').click();
      await page.getByTestId('pdp-new-empty').click();
      let dialog = page.getByRole('dialog');
      await dialog.getByTestId('pdp-title').fill(PLAN);
      await dialog.getByTestId('pdp-domains').fill('Languages, Health');
      await dialog.getByTestId('pdp-save').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('pdp-summary').getByText(PLAN).waitFor();

      for (const [title, domain, krs] of [
        [
          SPANISH,
          'Languages',
          [
            { title: 'Words learned', start: '0', target: '1000', unit: 'words' },
            { title: 'Pass the B1 exam', milestone: '2027-05-20' },
          ],
        ],
        [RUN, 'Health', [{ title: 'Longest run', start: '5', target: '21', unit: 'km' }]],
      ]) {
        await page.getByTestId('goal-new').click();
        dialog = page.getByRole('dialog');
        await dialog.getByTestId('goal-title').fill(title);
        await dialog.getByTestId('goal-domain').fill(domain);
        await dialog.getByLabel('Target date').fill('2027-09-30');
        await dialog.getByTestId('goal-save').click();
        await dialog.waitFor({ state: 'detached' });
        // A new goal opens in its detail: add the key results there.
        await page.getByTestId('goal-detail-title').getByText(title).waitFor();
        for (const kr of krs) {
          await page.getByTestId('kr-new').click();
          dialog = page.getByRole('dialog');
          if (kr.milestone) await dialog.getByTestId('kr-kind-milestone').check();
          await dialog.getByTestId('kr-title').fill(kr.title);
          if (kr.milestone) await dialog.getByTestId('kr-due').fill(kr.milestone);
          else {
            await dialog.getByTestId('kr-start').fill(kr.start);
            await dialog.getByTestId('kr-target').fill(kr.target);
            await dialog.getByTestId('kr-unit').fill(kr.unit);
          }
          await dialog.getByTestId('kr-save').click();
          await dialog.waitFor({ state: 'detached' });
          await page.getByTestId('kr-row').filter({ hasText: kr.title }).waitFor();
        }
        await page.getByTestId('goal-back').click();
      }
      const [pdp] = await api('goals:listPdps');
      assert.equal(pdp.title, PLAN);
      assert.equal(pdp.goalCount, 2);
      const goals = await api('goals:listGoals', {});
      for (const g of goals) ids[g.title] = g.id;
      assert.deepEqual(
        goals.map((g) => [g.title, g.domain, g.keyResultCount, g.progress]).sort(),
        [
          [SPANISH, 'Languages', 2, 0],
          [RUN, 'Health', 1, 0],
        ].sort(),
      );
      await page.getByTestId('goal-card').filter({ hasText: RUN }).waitFor();
    });

    await step('adds tasks by quick add: the parse shows before saving', async () => {
      await open('today');
      const input = page.getByTestId('quick-add-input');
      const chips = page.getByTestId('quick-add-chips');
      const chip = (kind) => chips.locator(`[data-testid=quick-add-chip][data-kind=${kind}]`);
      await input.fill('water plants every day #home !2');
      await page.getByTestId('quick-add-title').getByText('water plants', { exact: true }).waitFor();
      await chip('repeat').waitFor();
      await chip('tag').getByText('home').waitFor();
      await chip('priority').waitFor();
      await screenshot('goals-02-quick-add');
      // Nothing is stored before Enter.
      assert.equal((await api('goals:listTasks', { filter: {} })).length, 0);
      await input.press('Enter');
      await row('water plants').waitFor();

      await input.fill('pay rent every month on the 1st #finance');
      await page.getByTestId('quick-add-title').getByText('pay rent', { exact: true }).waitFor();
      await chip('repeat').waitFor();
      await chip('tag').getByText('finance').waitFor();
      await input.press('Enter');
      await page.getByTestId('quick-add-title').waitFor({ state: 'detached' });

      await input.fill('call Ana tomorrow 15:00 for goal:Spanish');
      await chip('goal').getByText(SPANISH).waitFor();
      await chip('time').getByText('15:00').waitFor();
      await input.press('Enter');
      await page.getByTestId('quick-add-title').waitFor({ state: 'detached' });

      const tasks = Object.fromEntries((await api('goals:listTasks', { filter: {} })).map((t) => [t.title, t]));
      assert.deepEqual(Object.keys(tasks).sort(), ['call Ana', 'pay rent', 'water plants']);
      const pick = (t) => ({ dueDate: t.dueDate, dueTime: t.dueTime, rrule: t.rrule, priority: t.priority, tags: t.tags, goalId: t.goalId });
      assert.deepEqual(pick(tasks['water plants']), { dueDate: '2027-05-03', dueTime: null, rrule: 'FREQ=DAILY', priority: 2, tags: ['home'], goalId: null });
      assert.deepEqual(pick(tasks['pay rent']), {
        dueDate: '2027-06-01',
        dueTime: null,
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
        priority: 4,
        tags: ['finance'],
        goalId: null,
      });
      assert.deepEqual(pick(tasks['call Ana']), { dueDate: '2027-05-04', dueTime: '15:00', rrule: null, priority: 4, tags: [], goalId: ids[SPANISH] });
      ids.water = tasks['water plants'].id;
      ids.rent = tasks['pay rent'].id;
    });

    await step('creates a daily habit', async () => {
      await nav('habits').click();
      await page.getByTestId('habit-new-empty').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('habit-title').fill('Practise Spanish');
      await dialog.getByTestId('habit-schedule-daily').check();
      await dialog.getByTestId('habit-save').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('habit-row').filter({ hasText: 'Practise Spanish' }).getByTestId('habit-streak').getByText('Streak 0 · best 0').waitFor();
    });

    const habitCard = () => page.locator('[data-testid=habit-card][data-title="Practise Spanish"]');
    await step('day 1 (3 May): completes the repeating task and checks in the habit', async () => {
      await open('today');
      await row('water plants').getByTestId('task-complete').click();
      // A repeating task moves to its next date instead of leaving.
      await page.getByText(/Done: “water plants”\. Next:/).waitFor();
      await habitCard().getByTestId('habit-checkin').click();
      await habitCard()
        .getByTestId('habit-streak')
        .getByText(/^1 in a row/)
        .waitFor();
      const water = (await api('goals:listTasks', { filter: { text: 'water' } }))[0];
      assert.equal(water.dueDate, '2027-05-04');
      await screenshot('goals-03-today');
    });

    await step('day 2 (4 May): the task is due again; completing the goal’s task moves its progress bar', async () => {
      await setClock(START + DAY);
      await nav('goals').click();
      const spanishBar = page.getByTestId('goal-card').filter({ hasText: SPANISH }).getByTestId('goal-progress');
      const atStart = await spanishBar.innerText();
      await open('today');
      await row('water plants').waitFor();
      await row('call Ana').waitFor();
      await row('water plants').getByTestId('task-complete').click();
      await page.getByText(/Done: “water plants”/).waitFor();
      await row('call Ana').getByTestId('task-complete').click();
      await page.getByText(/Done: “call Ana”\./).waitFor();
      await habitCard().getByTestId('habit-checkin').click();
      await habitCard()
        .getByTestId('habit-streak')
        .getByText(/^2 in a row/)
        .waitFor();
      await nav('goals').click();
      await page.waitForFunction(
        ([title, old]) =>
          [...document.querySelectorAll('[data-testid=goal-card]')].find((c) => c.textContent.includes(title))?.querySelector('[data-testid=goal-progress]')
            ?.textContent !== old,
        [SPANISH, atStart],
      );
      const goal = await api('goals:getGoal', { id: ids[SPANISH] });
      assert.equal(goal.doneTasks, 1);
      assert.ok(goal.progress > 0, `progress after its only task was done: ${goal.progress}`);
    });

    await step('day 3 (5 May): the habit’s streak reaches 3', async () => {
      await setClock(START + 2 * DAY);
      await open('today');
      await row('water plants').getByTestId('task-complete').click();
      await page.getByText(/Done: “water plants”/).waitFor();
      await habitCard().getByTestId('habit-checkin').click();
      await habitCard()
        .getByTestId('habit-streak')
        .getByText(/^3 in a row · best 3/)
        .waitFor();
      await nav('habits').click();
      await page.getByTestId('habit-row').filter({ hasText: 'Practise Spanish' }).getByTestId('habit-streak').getByText('Streak 3 · best 3').waitFor();
      const logbook = await api('goals:logbook', {});
      assert.deepEqual(logbook.map((e) => [e.title, e.at.slice(0, 10)]).sort(), [
        ['call Ana', '2027-05-04'],
        ['water plants', '2027-05-03'],
        ['water plants', '2027-05-04'],
        ['water plants', '2027-05-05'],
      ]);
    });

    await step('records a key-result value: the goal’s progress bar and formula move', async () => {
      await nav('goals').click();
      await page.getByTestId('goal-card').filter({ hasText: SPANISH }).click();
      const progress = page.getByTestId('goal-detail-progress');
      const old = await progress.innerText();
      const words = page.getByTestId('kr-row').filter({ hasText: 'Words learned' });
      await words.getByTestId('kr-value-input').fill('250');
      await words.getByTestId('kr-note-input').fill('first 250 words');
      await words.getByTestId('kr-record').click();
      await words.getByTestId('kr-value').getByText(/250/).waitFor();
      await page.waitForFunction((was) => document.querySelector('[data-testid=goal-detail-progress]')?.textContent !== was, old);
      const goal = await api('goals:getGoal', { id: ids[SPANISH] });
      const kr = goal.keyResults.find((k) => k.title === 'Words learned');
      assert.equal(kr.currentValue, 250);
      assert.equal(kr.progress, 25);
      assert.equal(kr.history.at(-1).value, 250, 'the new value is kept in its history (the sparkline)');
      await page.getByTestId('goal-formula').getByText(goal.breakdown.formula).waitFor();
      assert.equal(await progress.innerText(), `${Math.round(goal.breakdown.progress)} %`);
      await screenshot('goals-04-goal-detail');
      await page.getByTestId('goal-back').click();
      await page.getByTestId('goal-board').waitFor();
      await screenshot('goals-05-board');
    });

    await step('the analytics chart’s data changes with a completion (its CSV)', async () => {
      await nav('analytics').click();
      await page.getByTestId('analytics-range-30d').click();
      await page.getByTestId('chart-completed').waitFor();
      const first = await completedCsv('completed-1.csv');
      assert.deepEqual([first['2027-05-03'], first['2027-05-04'], first['2027-05-05']], [1, 2, 1]);
      assert.equal(first['2027-05-06'], undefined, 'the range ends today');
      await screenshot('goals-06-analytics-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('goals-07-analytics-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      // Pay the rent early (today, 5 May): the chart is read again on goals:changed.
      await api('goals:completeTask', { id: ids.rent });
      await page.getByTestId('total-completed').getByText('5', { exact: true }).waitFor();
      const second = await completedCsv('completed-2.csv');
      assert.equal(second['2027-05-05'], 2);
      assert.equal(second['2027-05-04'], 2);
    });

    await step('exports the plan as a PDF report: pages, the plan and its goals in the text', async () => {
      const dialog = await tools('report');
      await dialog.getByTestId('report-plan').selectOption({ label: PLAN });
      const file = await download(() => dialog.getByTestId('report-go').click(), 'report.pdf');
      await dialog.getByTestId('report-done').waitFor();
      assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
      execFileSync('pdftoppm', ['-r', '40', '-png', file, path.join(tmp, 'report')]);
      const pages = readdirSync(tmp).filter((f) => /^report-\d+\.png$/.test(f));
      assert.ok(pages.length >= 1, 'the PDF has pages');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const needle of [PLAN, SPANISH, RUN, 'Words learned']) assert.ok(text.includes(needle), `"${needle}" is in the report`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    await step('exports the tasks as CSV: a row per task', async () => {
      const dialog = await tools('export');
      await dialog.getByTestId('export-tasks-csv').check();
      const file = await download(() => dialog.getByTestId('export-go').click(), 'tasks.csv');
      await dialog.getByTestId('export-done').waitFor();
      const lines = readFileSync(file, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      assert.ok(lines.length >= 4, `a header and the 3 tasks: ${lines.length} lines`);
      for (const title of ['water plants', 'pay rent', 'call Ana'])
        assert.ok(
          lines.some((l) => l.includes(title)),
          `${title} is exported`,
        );
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    if (!FIXTURES_DIR) {
      console.log(`  - skipped the Todoist and TickTick import steps: ${FIXTURES_SKIP_REASON}`);
    } else {
      for (const [what, file, counts] of [
        ['Todoist CSV', 'todoist/jimmy-test-data-Privates.csv', /^21 tasks, 1 sub-task,/],
        ['TickTick CSV', 'ticktick/vikunja-ticktick_export.csv', /^11 tasks, 2 sub-tasks, 2 completed,/],
      ]) {
        await step(`imports the ${what} sample with its exact counts in the preview`, async () => {
          const dialog = await tools('import');
          await dialog.getByTestId('goals-import-file').setInputFiles(path.join(FIXTURES_DIR, 'tasks', file));
          await dialog.getByTestId('goals-import-counts').getByText(counts).waitFor();
          await dialog.getByTestId('goals-import-duplicates').getByText('No duplicates.').waitFor();
          await screenshot(`goals-08-import-${what.split(' ')[0].toLowerCase()}`);
          const total = Number(counts.source.match(/\d+/)[0]);
          const beforeCount = (await api('goals:listTasks', { filter: { includeCompleted: true }, limit: 5000 })).length;
          await dialog.getByTestId('goals-import-commit').click();
          await dialog
            .getByTestId('goals-import-done')
            .getByText(new RegExp(`^Imported ${total} tasks`))
            .waitFor();
          const afterCount = (await api('goals:listTasks', { filter: { includeCompleted: true }, limit: 5000 })).length;
          assert.equal(afterCount - beforeCount, total);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
        });
      }
    }

    await step('shows the due task and the milestone on the calendar; a click opens the task, or the goal of the milestone, in Goals', async () => {
      await page.keyboard.press('Control+3');
      await page.getByTestId('calendar-page').waitFor();
      await page.getByRole('radio', { name: 'Month view' }).click();
      await page.getByRole('button', { name: 'Today', exact: true }).click();
      // The repeating task once on each day it falls on (due again on 6 May after three completions).
      const water = (date) =>
        page.locator(`[data-testid=cal-overlay][data-source=goals][data-kind=task][data-date="${date}"][aria-label="Task due: water plants"]`);
      await water('2027-05-06').waitFor();
      await water('2027-05-07').waitFor();
      await page
        .locator('[data-testid=cal-overlay][data-source=goals][data-kind=milestone][data-date="2027-05-20"][aria-label="Milestone: Pass the B1 exam"]')
        .waitFor();
      await screenshot('goals-09-calendar-overlay');
      await water('2027-05-06').click();
      await page.getByTestId('goals-page').waitFor();
      await page.getByTestId('task-editor').waitFor();
      assert.equal(await page.getByTestId('task-edit-title').inputValue(), 'water plants');
      await page.keyboard.press('Escape');
      await page.getByTestId('task-editor').waitFor({ state: 'detached' });
      // A milestone opens its goal's detail.
      await page.keyboard.press('Control+3');
      await page.getByTestId('calendar-page').waitFor();
      await page.locator('[data-testid=cal-overlay][data-source=goals][data-kind=milestone][data-date="2027-05-20"]').click();
      await page.getByTestId('goal-detail').waitFor();
      assert.equal((await page.getByTestId('goal-detail-title').textContent())?.trim(), SPANISH);
      await page.getByTestId('goal-back').click();
    });

    await step('fits 800×600 without sideways scrolling (Today, the board, dark)', async () => {
      await page.setViewportSize({ width: 800, height: 600 });
      await open('today');
      await noSideScroll();
      await screenshot('goals-10-today-800');
      await nav('goals').click();
      await page.getByTestId('goal-board').waitFor();
      await noSideScroll();
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('goals-11-board-800-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    await step('saw no CSP violation and no page error', async () => {
      assert.deepEqual(
        watchers.flatMap((w) => w.problems()),
        [],
      );
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
