/* global document -- waitForFunction callbacks run in the browser */
// Calendar (issue 10), browser mode, in a Europe/Berlin browser: a weekly 09:00 Berlin event made in the editor keeps
// 09:00 Berlin across the March DST change; one instance dragged to another day (this event), one deleted, and the
// rest renamed from the fourth on (this and following); the calendar exported as .ics and imported into a second
// profile gives the same instances; a batch expiry, a task of Hearth's task list (goals) and a calendar VTODO show as
// overlays; a reminder fires when the server's clock is moved to its time (test hook).
// Screenshots go to e2e/artifacts/calendar-*.png.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiCaller, confirmRecoveryKey, createProfile, lockWithButton, submitNewProfile } from './lib/flows.mjs';

const PASSWORD = 'harbour lantern clover seventy quiet 41';
const ZONE = 'Europe/Berlin';
/** March 2027: Mondays 1, 8, 15, 22, 29; summer time starts on Sunday 28 March. */
const MONTH = { from: '2027-02-22T00:00:00Z', to: '2027-04-05T00:00:00Z' };

export async function run({ origin, token, url, screenshot, step, newPage, watchers }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-calendar-e2e-'));
  const page = await newPage({ colorScheme: 'light', acceptDownloads: true, timezoneId: ZONE, viewport: { width: 1280, height: 800 } });
  /** The same router the page calls (token header), for setup and for checking what was stored. */
  const api = apiCaller(origin, token);
  const instances = async () =>
    (await api('calendar:occurrences', { ...MONTH, viewerZone: ZONE })).filter((o) => o.title.startsWith('Team sync')).map((o) => `${o.start} ${o.title}`);
  /** Waits (5 s at most) for the stored instances to be `want`: a drop's write lands after its scope prompt closes. */
  const instancesBecome = async (want) => {
    for (let i = 0; i < 50 && JSON.stringify(await instances()) !== JSON.stringify(want); i += 1) await page.waitForTimeout(100);
    assert.deepEqual(await instances(), want);
  };
  /**
   * The chip of the instance that was on `date` at 09:00 Berlin (its RECURRENCE-ID key), by the start of its accessible
   * name ("Team sync, 9:00 AM"): month chips span cells, so they sit in the week row, not in a day cell.
   */
  const chip = (date, title = 'Team sync') => page.locator(`[data-testid=cal-event][data-occurrence-key="${date}T09:00:00"][aria-label^="${title}"]`);
  /** Opens the month view on March 2027 (months ahead of today, counted in the browser's zone). */
  const toMarch2027 = async () => {
    await page.getByRole('radio', { name: 'Month view' }).click();
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    const now = new Date();
    const ahead = (2027 - now.getFullYear()) * 12 + (2 - now.getMonth());
    for (let i = 0; i < Math.abs(ahead); i += 1) await page.getByRole('button', { name: ahead > 0 ? 'Next period' : 'Previous period' }).click();
    // Only the March grid holds the 15th (February's ends on 7 March, April's starts on 29 March).
    await page.locator('[role=gridcell][data-date="2027-03-15"]').waitFor();
  };
  const scope = async (which) => {
    const prompt = page.getByTestId('cal-scope');
    await prompt.waitFor();
    await prompt.locator(`[data-scope=${which}]`).click();
    await prompt.waitFor({ state: 'detached' });
  };
  /** The editor's dialog (its buttons sit below the form's test id). */
  const editorDialog = () => page.getByRole('dialog').filter({ has: page.getByTestId('cal-editor') });
  let expected = [];

  try {
    await step('opens the calendar in a new profile and creates a calendar', async () => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      await createProfile(page, 'Family Planner', PASSWORD);
      await page.keyboard.press('Control+3');
      await page.getByTestId('calendar-page').waitFor();
      // A first visit says what to do.
      await page.getByText('No calendar yet. Create one to add events').waitFor();
      await screenshot('calendar-01-empty');
      await page.getByRole('button', { name: 'Create a calendar' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Calendar name').fill('Work');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('switch', { name: 'Show Work' }).waitFor();
      await page.getByText('No calendar yet. Create one to add events').waitFor({ state: 'detached' });
    });

    await step('creates a weekly 09:00 Europe/Berlin event in the editor', async () => {
      await page.getByRole('button', { name: 'New event' }).click();
      const editor = editorDialog();
      await editor.getByLabel('Title').fill('Team sync');
      await editor.getByLabel('Start date').fill('2027-03-01');
      await editor.getByLabel('Start time').fill('09:00');
      await editor.getByLabel('End date').fill('2027-03-01');
      await editor.getByLabel('End time').fill('10:00');
      await editor.getByLabel('Time zone').fill(ZONE);
      await editor.getByRole('combobox', { name: 'Repeat', exact: true }).selectOption({ label: 'Weekly on Monday' });
      await screenshot('calendar-02-editor');
      await editor.getByRole('button', { name: 'Create' }).click();
      await editor.waitFor({ state: 'detached' });
      expected = [
        '2027-03-01T08:00:00.000Z Team sync',
        '2027-03-08T08:00:00.000Z Team sync',
        '2027-03-15T08:00:00.000Z Team sync',
        '2027-03-22T08:00:00.000Z Team sync',
        // Summer time from 28 March: still 09:00 in Berlin, 07:00 UTC.
        '2027-03-29T07:00:00.000Z Team sync',
      ];
      assert.deepEqual(await instances(), expected);
      await toMarch2027();
      for (const d of ['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29']) await chip(d).waitFor();
      await screenshot('calendar-03-month');
    });

    await step('drags the 8 March instance to Tuesday 9 March (this event only)', async () => {
      await chip('2027-03-08').dragTo(page.locator('[role=gridcell][data-date="2027-03-09"]'));
      await scope('this');
      expected[1] = '2027-03-09T08:00:00.000Z Team sync';
      await instancesBecome(expected);
      const moved = (await api('calendar:occurrences', { ...MONTH, viewerZone: ZONE })).find((o) => o.start.startsWith('2027-03-09'));
      assert.equal(moved.override, true);
      assert.equal(moved.occurrenceKey, '2027-03-08T09:00:00');
    });

    await step('deletes the 15 March instance (this event only)', async () => {
      await chip('2027-03-15').click();
      const editor = editorDialog();
      await editor.getByRole('button', { name: 'Delete' }).click();
      await scope('this');
      await editor.waitFor({ state: 'detached' });
      await chip('2027-03-15').waitFor({ state: 'detached' });
      expected.splice(2, 1);
      assert.deepEqual(await instances(), expected);
    });

    await step('renames the series from 22 March on (this and following)', async () => {
      await chip('2027-03-22').click();
      const editor = editorDialog();
      await editor.getByLabel('Title').fill('Team sync (new room)');
      await editor.getByRole('button', { name: 'Save' }).click();
      await scope('following');
      await editor.waitFor({ state: 'detached' });
      await chip('2027-03-29', 'Team sync (new room)').waitFor();
      expected = [expected[0], expected[1], '2027-03-22T08:00:00.000Z Team sync (new room)', '2027-03-29T07:00:00.000Z Team sync (new room)'];
      assert.deepEqual(await instances(), expected);
      await screenshot('calendar-04-edited');
    });

    let icsFile = '';
    await step('exports the calendar as .ics', async () => {
      await page.getByRole('button', { name: 'Calendar tools' }).click();
      await page.getByRole('menuitem', { name: 'Export calendar…' }).click();
      const dialog = page.getByRole('dialog');
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Export' }).click();
      icsFile = path.join(tmp, 'work.ics');
      await (await download).saveAs(icsFile);
      const text = readFileSync(icsFile, 'utf8');
      assert.match(text, /^BEGIN:VCALENDAR\r\n/);
      assert.match(text, /RECURRENCE-ID;TZID=Europe\/Berlin:20270308T090000/);
      assert.match(text, /EXDATE;TZID=Europe\/Berlin:20270315T090000/);
      assert.match(text, /RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270322T0\d{5}Z|RRULE:FREQ=WEEKLY;UNTIL=20270322T0\d{5}Z;BYDAY=MO/);
      await page.keyboard.press('Escape');
    });

    await step('shows a batch expiry, a goals task and a calendar VTODO as overlays', async () => {
      // Baked yesterday (a batch cannot be recorded before it exists), with the date on the pack in March.
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const product = await api('batches:createProduct', { name: 'Rye loaf', thresholds: { kind: 'days-before-expiry', cautionWithinDays: 2 } });
      await api('batches:create', {
        productId: product.id,
        lot: 'RYE-7',
        productionDate: yesterday,
        arrivalDate: yesterday,
        expiryDate: '2027-03-10',
        quantity: 12,
      });
      // A VTODO of a calendar (as a CalDAV sync or an .ics import stores it): it stays in the calendar to sync back.
      const [work] = await api('calendar:listCalendars');
      await api('calendar:createTask', { calendarId: work.id, title: 'Renew the domain', due: { kind: 'date', date: '2027-03-12' } });
      // The tasks panel adds to Hearth's task list, the goals module's (not to a calendar).
      await page.getByRole('button', { name: 'Tasks' }).click();
      const tasks = page.getByTestId('cal-tasks');
      await tasks.getByLabel('New task').fill('File the VAT return');
      await tasks.getByLabel('Task due date', { exact: true }).fill('2027-03-11');
      await tasks.getByRole('button', { name: 'Add task' }).click();
      await tasks.locator('[data-testid=cal-task][data-source=goals]').filter({ hasText: 'File the VAT return' }).waitFor();
      await tasks
        .getByRole('region', { name: 'Tasks of Work' })
        .locator('[data-testid=cal-task][data-source=calendar]')
        .filter({ hasText: 'Renew the domain' })
        .waitFor();
      const stored = (await api('goals:listTasks', { filter: { text: 'VAT' } })).map((t) => [t.title, t.dueDate, t.zone]);
      assert.deepEqual(stored, [['File the VAT return', '2027-03-11', ZONE]]);
      assert.deepEqual(
        (await api('calendar:listTasks', { includeCompleted: true })).map((t) => t.title),
        ['Renew the domain'],
      );
      await page.getByRole('button', { name: 'Tasks' }).click();
      await page.locator('[data-testid=cal-overlay][data-layer=batches][data-date="2027-03-10"][aria-label*="Rye loaf"]').waitFor();
      // Both homes of a task in the one "Tasks" layer, each marked by where it lives.
      await page.locator('[data-testid=cal-overlay][data-source=goals][data-date="2027-03-11"][aria-label="Task due: File the VAT return"]').waitFor();
      await page.locator('[data-testid=cal-overlay][data-source=calendar][data-date="2027-03-12"][aria-label="Task due: Renew the domain · Work"]').waitFor();
      await screenshot('calendar-05-overlays');
      // The layer switch hides them.
      await page.getByRole('switch', { name: 'Batch expiries' }).click();
      await page.locator('[data-testid=cal-overlay][data-layer=batches]').first().waitFor({ state: 'detached' });
      await page.getByRole('switch', { name: 'Batch expiries' }).click();
    });

    await step('looks right in the week view, in dark mode and at 800×600', async () => {
      await page.getByRole('radio', { name: 'Week view' }).click();
      await page.getByTestId('cal-week').waitFor();
      await screenshot('calendar-06-week');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByRole('radio', { name: 'Month view' }).click();
      await screenshot('calendar-07-month-dark');
      await page.setViewportSize({ width: 800, height: 600 });
      await screenshot('calendar-08-month-800');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'the page scrolls sideways at 800×600');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ colorScheme: 'light' });
    });

    await step('a reminder fires when the clock reaches its time', async () => {
      const [work] = await api('calendar:listCalendars');
      const event = await api('calendar:createEvent', {
        calendarId: work.id,
        title: 'Dentist',
        location: 'Bergmannstraße 12',
        start: { kind: 'zoned', local: '2027-03-03T15:00', tz: ZONE },
        end: { kind: 'zoned', local: '2027-03-03T15:45', tz: ZONE },
        alarms: [{ minutesBefore: 30 }],
      });
      assert.equal(event.alarms.length, 1);
      // 14:30 Berlin (13:30 UTC) is the fire time; the scheduler looks every second while test hooks are on.
      const moved = await fetch(`${origin}/api/test/clock`, {
        method: 'POST',
        body: JSON.stringify({ nowMs: Date.parse('2027-03-03T13:30:05Z') }),
        headers: { 'x-hearth-token': token, 'content-type': 'application/json' },
      });
      assert.equal(moved.status, 200, 'the clock hook is on in e2e runs (HEARTH_TEST_HOOKS=1)');
      const toast = page.getByTestId('cal-reminder').filter({ hasText: 'Dentist' });
      await toast.waitFor({ timeout: 15_000 });
      await screenshot('calendar-09-reminder');
      const pending = (await api('calendar:reminders')).find((r) => r.title === 'Dentist');
      assert.equal(pending.fireAt, '2027-03-03T13:30:00.000Z');
      await toast.getByRole('button', { name: 'Dismiss' }).click();
      await toast.waitFor({ state: 'detached' });
      assert.deepEqual(
        (await api('calendar:reminders')).filter((r) => r.title === 'Dentist'),
        [],
      );
    });

    await step('imports the export into a second profile: the same instances', async () => {
      await lockWithButton(page);
      await page.getByRole('button', { name: 'Switch profile' }).click();
      await page.getByRole('button', { name: 'New profile' }).click();
      await confirmRecoveryKey(page, await submitNewProfile(page, 'Second Home', PASSWORD), 'Second Home');
      await page.keyboard.press('Control+3');
      await page.getByTestId('calendar-page').waitFor();
      await page.getByRole('button', { name: 'Calendar tools' }).click();
      await page.getByRole('menuitem', { name: 'Import .ics…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('ICS file').setInputFiles(icsFile);
      const counts = dialog.getByTestId('cal-import-counts');
      await counts.waitFor();
      await screenshot('calendar-10-import-preview');
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await dialog.getByText('Imported 2 events.').waitFor();
      await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
      await dialog.waitFor({ state: 'detached' });
      assert.deepEqual(await instances(), expected);
      await toMarch2027();
      await chip('2027-03-29', 'Team sync (new room)').waitFor();
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
