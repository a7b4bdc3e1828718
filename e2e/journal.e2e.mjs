/* global document, window, HTMLImageElement -- waitForFunction callbacks run in the browser */
// Journal (issue 9), browser mode: a journal with a check-in metric, an entry with an image attachment and a
// check-in (dated a year ago today), seen on the heat-map and in "On this day", searched, edited and restored
// from history; XSS payloads pasted into an entry fire no dialog; locking the journal hides it from search;
// Day One and Joplin samples imported with exact preview counts; a Markdown export re-imported (duplicates
// found); an Obsidian folder imported through the folder picker (its nested tag listed); an entry made from the
// Gratitude template, starred and found under Starred, trashed and restored; a day picked in the month calendar.
// Screenshots go to e2e/artifacts/journal-*.png (light and dark at 1280×800, one at 800×600).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { FIXTURES_DIR, FIXTURES_SKIP_REASON } from '../src-main/test/fixtures.ts';
import { createProfile } from './lib/flows.mjs';

const PASSWORD = 'lantern meadow copper violin harbour 52';
const pad = (n) => String(n).padStart(2, '0');
const now = new Date();
/** A year ago today on this computer's calendar (the entry "On this day" must find). */
const yearAgo = `${now.getFullYear() - 1}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Today as the templates' {{longDate}} writes it: "Wednesday, 2 December 2026". */
const longToday = `${WEEKDAYS[now.getDay()]}, ${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
const PAYLOADS = [
  '![remote](https://example.org/pixel.png)',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '<script>alert(2)</script>',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<svg/onload=alert(3)>',
];

/** A 64×64 PNG with a diagonal gradient, written for the attachment step. */
function writePng(file) {
  const png = new PNG({ width: 64, height: 64 });
  for (let y = 0; y < 64; y += 1)
    for (let x = 0; x < 64; x += 1) {
      const i = (y * 64 + x) * 4;
      png.data.set([x * 4, y * 4, 160, 255], i);
    }
  writeFileSync(file, PNG.sync.write(png));
}

export async function run({ url, screenshot, step, newPage, watchers }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-journal-e2e-'));
  const page = await newPage({ colorScheme: 'light', acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const editor = page.getByTestId('entry-editor');
  const saved = () => editor.getByRole('status').getByText('Saved', { exact: true }).waitFor();
  const search = page.getByLabel('Search entries');
  const nav = page.getByRole('navigation', { name: 'Journal' });

  try {
    await step('opens the journal in a new profile (empty state)', async () => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      await createProfile(page, 'Ink and Paper', PASSWORD);
      await page.keyboard.press('Control+2');
      await page.getByTestId('journal-page').waitFor();
      await page.getByRole('heading', { name: 'Start your journal' }).waitFor();
      await screenshot('journal-01-empty-light');
    });

    await step('creates a journal with a check-in metric', async () => {
      await page.getByRole('button', { name: 'New journal' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New journal' });
      await dialog.getByLabel('Name').fill('Daily');
      await dialog.getByRole('button', { name: 'green' }).click();
      await dialog.getByRole('button', { name: 'Add metric' }).click();
      await dialog.getByLabel('Metric name').fill('Sleep');
      await dialog.getByLabel('Metric kind').selectOption('number');
      await dialog.getByLabel('Unit').fill('h');
      await screenshot('journal-02-new-journal-light');
      await dialog.getByRole('button', { name: 'Create journal' }).click();
      await dialog.waitFor({ state: 'detached' });
      await nav.getByRole('button', { name: 'Daily' }).waitFor();
    });

    await step('writes an entry with an image attachment and a check-in, dated a year ago', async () => {
      await page.keyboard.press('Alt+N');
      await editor.waitFor();
      await editor.getByLabel('Title').fill('Harbour walk');
      const body = editor.getByTestId('entry-body');
      await body.click();
      await page.keyboard.insertText('# Harbour walk\n\n**Bright** morning by the *river*; the pelicans were back.\n');
      await editor.getByLabel('Date and time').fill(`${yearAgo}T09:30`);
      await editor.getByRole('button', { name: 'Mood: Great' }).click();
      await editor.getByRole('group', { name: 'Sleep' }).getByRole('spinbutton').fill('7.5');
      await editor.getByLabel('Add a tag').fill('walks');
      await editor.getByLabel('Add a tag').press('Enter');
      const png = path.join(tmp, 'harbour.png');
      writePng(png);
      await editor.getByLabel('Attach files').setInputFiles(png);
      await editor.getByTestId('attachments').getByText('harbour.png').waitFor();
      await saved();
      await editor.getByRole('button', { name: 'Preview' }).click();
      const rendered = editor.getByTestId('entry-rendered');
      await rendered.getByRole('heading', { name: 'Harbour walk' }).waitFor();
      await page.waitForFunction(() => {
        const img = document.querySelector('[data-testid=entry-rendered] img');
        return img instanceof HTMLImageElement && img.complete && img.naturalWidth === 64 && /^\/api\/blob\//.test(img.getAttribute('src') ?? '');
      });
      await screenshot('journal-03-entry-preview-light');
      await editor.getByRole('button', { name: 'Edit' }).click();
      await page.getByTestId('timeline').getByText('Harbour walk', { exact: true }).waitFor();
      await screenshot('journal-04-editor-light');
    });

    await step('sees the entry on the heat-map and in On this day', async () => {
      await nav.getByRole('button', { name: 'Calendar' }).click();
      await page.getByRole('button', { name: 'Previous year' }).click();
      const cell = page.getByTestId('heatmap').getByRole('button', { name: `${yearAgo}: 1 entry` });
      await cell.click();
      await page.getByTestId('day-entries').getByText('Harbour walk', { exact: true }).waitFor();
      await screenshot('journal-05-calendar-light');
      await nav.getByRole('button', { name: 'On this day' }).click();
      await page.getByTestId('on-this-day').getByText('Harbour walk', { exact: true }).waitFor();
      await page.getByTestId('on-this-day').getByText('1 year ago').waitFor();
    });

    await step('charts the check-in and shows the photo in Media', async () => {
      await nav.getByRole('button', { name: 'Check-ins' }).click();
      await page.getByRole('img', { name: 'Sleep over time' }).waitFor();
      await page.getByRole('img', { name: 'Mood over time' }).waitFor();
      await screenshot('journal-05b-checkins-light');
      await nav.getByRole('button', { name: 'Media' }).click();
      await page
        .getByTestId('media-grid')
        .getByRole('button', { name: /harbour\.png/ })
        .waitFor();
    });

    await step('searches the entry (matches marked)', async () => {
      await page.keyboard.press('Control+K');
      await page.keyboard.type('pelican');
      const hit = page.getByTestId('search-hit').filter({ hasText: 'Harbour walk' });
      await hit.waitFor();
      assert.match(await hit.locator('mark').first().innerText(), /^pelican/i);
      await screenshot('journal-06-search-light');
      await search.fill('');
    });

    await step("edits today's entry (from the Daily template) and restores the earlier version from History", async () => {
      // Edits within a few minutes fold into one version (main), so the version to restore is the entry as created:
      // today's entry starts from the Daily template.
      await nav.getByRole('button', { name: 'Timeline' }).click();
      await page.keyboard.press('Alt+D');
      await editor.waitFor();
      await editor.getByTestId('entry-body').getByText('How I feel').waitFor();
      await editor.getByTestId('entry-body').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText('A second thought that I will take back.');
      await saved();
      await editor.getByRole('button', { name: 'History' }).click();
      const dialog = page.getByRole('dialog', { name: 'History' });
      await dialog.getByTestId('version-diff').getByText('A second thought that I will take back.').waitFor();
      await screenshot('journal-07-history-light');
      await dialog.getByRole('button', { name: 'Restore this version' }).click();
      await dialog.waitFor({ state: 'detached' });
      await editor.getByRole('button', { name: 'Preview' }).click();
      await editor.getByTestId('entry-rendered').getByRole('heading', { name: 'How I feel' }).waitFor();
      assert.equal(await editor.getByTestId('entry-rendered').getByText('A second thought').count(), 0);
      await editor.getByRole('button', { name: 'Edit' }).click();
    });

    await step('renders pasted XSS payloads inert (no dialog, no script)', async () => {
      const before = await editor.getAttribute('data-entry-id');
      await page.keyboard.press('Alt+N');
      await page.waitForFunction((id) => document.querySelector('[data-testid=entry-editor]')?.getAttribute('data-entry-id') !== id, before);
      await editor.getByLabel('Title').fill('Payloads');
      await editor.getByTestId('entry-body').click();
      await page.keyboard.insertText(PAYLOADS.join('\n\n'));
      await saved();
      await editor.getByRole('button', { name: 'Preview' }).click();
      await editor.getByTestId('entry-rendered').getByText('remote image blocked').waitFor();
      await page.waitForTimeout(500);
      assert.equal(await editor.getByTestId('entry-rendered').locator('script, iframe, object, embed, svg, [onerror], [onload]').count(), 0);
      assert.deepEqual(dialogs, []);
      await editor.getByRole('button', { name: 'Edit' }).click();
    });

    await step('locks the journal, and its entries leave search', async () => {
      await nav.getByRole('button', { name: 'Daily' }).click();
      await page.getByRole('button', { name: 'Settings of Daily' }).click();
      const dialog = page.getByRole('dialog', { name: 'Journal settings' });
      await dialog.getByLabel('Locked').click();
      await dialog.getByLabel('Master password').fill(PASSWORD);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await search.fill('pelican');
      await page.getByRole('heading', { name: 'No entries match' }).waitFor();
      await search.fill('');
    });

    await step('opens the locked journal with the master password (wrong one refused first)', async () => {
      await nav.getByRole('button', { name: 'Daily (locked)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Open a locked journal' });
      await dialog.getByLabel('Master password').fill('not the password');
      await dialog.getByRole('button', { name: 'Open journal' }).click();
      await dialog.getByText('Wrong password').waitFor();
      await dialog.getByLabel('Master password').fill(PASSWORD);
      await dialog.getByRole('button', { name: 'Open journal' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('timeline').getByText('Harbour walk', { exact: true }).waitFor();
      await search.fill('pelican');
      await page.getByTestId('search-results').getByLabel('Include locked').check();
      await page.getByTestId('search-hit').filter({ hasText: 'Harbour walk' }).waitFor();
      await search.fill('');
    });

    if (!FIXTURES_DIR) {
      console.log(`  - skipped the Day One and Joplin import steps: ${FIXTURES_SKIP_REASON}`);
    } else {
      for (const [what, file, count] of [
        ['Day One zip', 'dayone/automattic-day-one-fictional.zip', 3],
        ['Joplin JEX', 'joplin/joplin-cli-export.jex', 7],
      ]) {
        await step(`imports the ${what} sample (${count} entries in the preview)`, async () => {
          await nav.getByRole('button', { name: 'Import…' }).click();
          const dialog = page.getByRole('dialog', { name: 'Import entries' });
          await dialog.getByLabel('Import file').setInputFiles(path.join(FIXTURES_DIR, 'journal', file));
          await dialog
            .getByTestId('import-counts')
            .getByText(new RegExp(`^${count} entries,`))
            .waitFor();
          await screenshot(`journal-08-import-${count}-light`);
          await dialog.getByRole('button', { name: `Import ${count} entries` }).click();
          await dialog.waitFor({ state: 'detached' });
          await page.getByRole('status').getByText(`Imported ${count} entries`).waitFor();
        });
      }
    }

    await step('exports Markdown and re-imports it: same count, all duplicates', async () => {
      await nav.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export entries' });
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
      const file = path.join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      const notice = await page.getByRole('status').filter({ hasText: 'exported' }).innerText();
      const exported = Number(/(\d+) entr/.exec(notice)?.[1]);
      assert.ok(exported >= 1, notice);
      await nav.getByRole('button', { name: 'Import…' }).click();
      const importing = page.getByRole('dialog', { name: 'Import entries' });
      await importing.getByLabel('Import file').setInputFiles(file);
      await importing
        .getByTestId('import-counts')
        .getByText(new RegExp(`^${exported} entr`))
        .waitFor();
      await importing
        .getByTestId('import-duplicates')
        .getByText(new RegExp(`^${exported} duplicate`))
        .waitFor();
      await importing.getByRole('button', { name: 'Nothing new to import' }).waitFor();
      await screenshot('journal-09-reimport-light');
      await importing.getByRole('button', { name: 'Cancel' }).click();
    });

    if (!FIXTURES_DIR) {
      console.log(`  - skipped the Obsidian folder import step: ${FIXTURES_SKIP_REASON}`);
    } else {
      await step('imports an Obsidian folder (4 entries in the preview) and its nested tag appears', async () => {
        await nav.getByRole('button', { name: 'Import…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Import entries' });
        // The folder picker (<input webkitdirectory>): the notes travel as one packed upload.
        await dialog.getByLabel('Import folder').setInputFiles(path.join(FIXTURES_DIR, 'journal', 'obsidian', 'obsidian-importer-markdown'));
        await dialog
          .getByTestId('import-counts')
          .getByText(/^4 entries,/)
          .waitFor({ timeout: 30_000 });
        await dialog.getByText('Markdown files', { exact: true }).waitFor();
        await screenshot('journal-14-import-folder-light');
        await dialog.getByRole('button', { name: 'Import 4 entries' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByRole('status').getByText('Imported 4 entries').waitFor();
        // The tag filter applies within the picked journal: look across all of them.
        await nav.getByRole('button', { name: 'Timeline' }).click();
        await nav.getByRole('button', { name: 'All journals' }).click();
        const tag = nav.getByRole('button', { name: /^planning\/2026/ });
        await tag.click();
        // An Obsidian note's title is its file name (tags.md); its heading stays in the body.
        await page.getByTestId('entry-row').filter({ hasText: 'Booked the flights today.' }).getByText('tags', { exact: true }).waitFor();
        assert.equal(await page.getByTestId('entry-row').count(), 1);
        await tag.click();
      });
    }

    await step('creates an entry from the Gratitude template (its body starts with the date)', async () => {
      await nav.getByRole('button', { name: 'Timeline' }).click();
      // Daily (locked, opened earlier in this session): a new entry goes into the picked journal.
      await nav.getByRole('button', { name: /^Daily( \d+)?$/ }).click();
      await page.getByRole('button', { name: 'New entry from a template' }).click();
      await page.getByRole('menuitem', { name: 'Gratitude' }).click();
      await editor.getByTestId('entry-body').getByText('Three things I am grateful for:').waitFor();
      await editor.getByLabel('Title').fill('Grateful today');
      await editor.getByLabel('Title').press('Tab');
      await saved();
      await editor.getByRole('button', { name: 'Preview' }).click();
      const rendered = editor.getByTestId('entry-rendered');
      await rendered.getByText('Three things I am grateful for:').waitFor();
      // The template's {{longDate}} is filled in with today's date, as the first heading of the body.
      assert.equal(await rendered.locator('h1').first().innerText(), longToday);
      assert.equal(await rendered.getByText('{{', { exact: false }).count(), 0);
      await screenshot('journal-15-template-light');
      await editor.getByRole('button', { name: 'Edit' }).click();
    });

    await step('stars the entry and finds it under Starred', async () => {
      await editor.getByRole('button', { name: 'Star', exact: true }).click();
      await editor.getByRole('button', { name: 'Unstar' }).waitFor();
      await saved();
      await nav.getByRole('button', { name: 'Starred' }).click();
      const rows = page.getByTestId('entry-row');
      await rows.filter({ hasText: 'Grateful today' }).getByLabel('Starred').waitFor();
      assert.equal(await rows.count(), 1);
      await screenshot('journal-16-starred-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('journal-17-starred-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await nav.getByRole('button', { name: 'Starred' }).click();
    });

    await step('moves the entry to the trash and restores it from Trash', async () => {
      await editor.getByRole('button', { name: 'Move to trash' }).click();
      await page.getByRole('status').getByText('Moved to the trash.').waitFor();
      await editor.waitFor({ state: 'detached' });
      await page.getByTestId('timeline').getByText('Grateful today').waitFor({ state: 'detached' });
      await nav.getByRole('button', { name: 'Trash' }).click();
      const trash = page.getByTestId('trash-list');
      const row = trash.getByRole('listitem').filter({ hasText: 'Grateful today' });
      await row.waitFor();
      await screenshot('journal-18-trash-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('journal-19-trash-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await row.getByRole('button', { name: 'Restore' }).click();
      await page.getByRole('status').getByText('Restored.').waitFor();
      await row.waitFor({ state: 'detached' });
      await nav.getByRole('button', { name: 'Timeline' }).click();
      await page.getByTestId('timeline').getByText('Grateful today', { exact: true }).waitFor();
    });

    await step("the month calendar lists a clicked day's entries", async () => {
      await nav.getByRole('button', { name: 'Calendar' }).click();
      const day = page
        .getByTestId('month-grid')
        .getByRole('button')
        .filter({ hasText: new RegExp(`^${now.getDate()}$`) });
      assert.match((await day.getAttribute('aria-label')) ?? '', /: \d+ entr/);
      await day.click();
      assert.equal(await day.getAttribute('aria-pressed'), 'true');
      const list = page.getByTestId('day-entries');
      await list.getByText('Grateful today', { exact: true }).waitFor();
      // Today's entry from the Daily template was written today too; the entry from a year ago was not.
      assert.equal(await list.getByText('Harbour walk').count(), 0);
      await screenshot('journal-20-month-day-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('journal-21-month-day-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      // Twelve months back (across the year end): the same day a year ago has the harbour walk.
      for (let i = 0; i < 12; i += 1) await page.getByRole('button', { name: 'Previous month' }).click();
      await page.getByRole('heading', { name: String(now.getFullYear() - 1), exact: true }).waitFor();
      const yearAgoDay = page.getByTestId('month-grid').getByRole('button', { name: /: 1 entry$/ });
      await yearAgoDay.click();
      await list.getByText('Harbour walk', { exact: true }).waitFor();
      assert.equal(await list.getByTestId('entry-row').count(), 1);
      await page.getByRole('button', { name: 'Next year' }).click();
      await day.click();
      await list.getByTestId('entry-row').filter({ hasText: 'Grateful today' }).click();
      await editor.getByLabel('Title').waitFor();
      assert.equal(await editor.getByLabel('Title').inputValue(), 'Grateful today');
    });

    await step('looks right in dark mode and at 800×600', async () => {
      await nav.getByRole('button', { name: 'Timeline' }).click();
      await nav.getByRole('button', { name: 'All journals' }).click();
      await page.getByTestId('entry-row').first().click();
      await editor.waitFor();
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('journal-10-timeline-dark');
      await nav.getByRole('button', { name: 'Calendar' }).click();
      await screenshot('journal-11-calendar-dark');
      await nav.getByRole('button', { name: 'Check-ins' }).click();
      await screenshot('journal-12-checkins-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 800, height: 600 });
      await nav.getByRole('button', { name: 'Timeline' }).click();
      await screenshot('journal-13-timeline-800');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal scroll of ${overflow}px at 800×600`);
    });

    await step('no CSP violations or page errors', async () => {
      assert.deepEqual(
        watchers.flatMap((w) => w.problems()),
        [],
      );
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
