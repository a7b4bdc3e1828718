/* global document -- evaluate callbacks run in the browser */
// Email (issue 12), browser mode: a new profile opens Email (Ctrl+7) on its empty state; the Google Takeout mbox is
// previewed (6 messages) and imported into a folder of 6; the HTML message shows in a sandboxed frame (no scripts)
// with its É; `label:chat` finds the 2 chat lines; the Google Calendar invitation .eml is imported and "Add to
// calendar" puts the event on the calendar; the archive exports as one mbox per folder in a .zip; 800×600 has no
// sideways scroll, light and dark; no CSP violation or page error. Screenshots go to e2e/artifacts/email-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES_DIR } from '../src-main/test/fixtures.ts';
import { apiCaller, createProfile } from './lib/flows.mjs';

export const needsFixtures = true;

const PASSWORD = 'harbour velvet quartz orchard 58 slate';
const TAKEOUT = 'google-takeout-to-sqlite-small.gmail.mbox';
const INVITE = 'postal-mime-calendar-event.eml';

export async function run({ origin, token, url, screenshot, step, newPage, watchers }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-email-e2e-'));
  const fixture = (name) => path.join(FIXTURES_DIR, 'email', name);
  const page = await newPage({ colorScheme: 'light', acceptDownloads: true, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  const api = apiCaller(origin, token);
  const noSideScroll = async () =>
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the page scrolls sideways');
  const row = (subject) => page.locator(`[data-testid=mail-row][data-subject="${subject}"]`).first();
  /** Picks files in the import dialog, waits for the preview's count, starts the import and waits for it to finish. */
  const importFile = async (file, count) => {
    const dialog = page.getByRole('dialog', { name: 'Import mail' });
    await dialog.getByTestId('mail-import-file').setInputFiles(file);
    await dialog.getByTestId('mail-import-count').getByText(count, { exact: true }).waitFor({ timeout: 30_000 });
    await screenshot(`email-02-preview-${path.basename(file).split('.')[0]}`);
    await dialog.getByTestId('mail-import-start').click();
    await dialog
      .getByTestId('mail-import-started')
      .getByText(/^Done: /)
      .waitFor({ timeout: 30_000 });
    await dialog.getByTestId('mail-run').first().waitFor();
    await screenshot(`email-02-imported-${path.basename(file).split('.')[0]}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  };

  try {
    await step('opens Email with Ctrl+7 in a new profile: the empty state says what to do', async () => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      await createProfile(page, 'Mail Keeper', PASSWORD);
      await page.keyboard.press('Control+7');
      await page.getByTestId('email-page').waitFor();
      await page.getByText('Import an mbox file from Gmail Takeout or Thunderbird, or a folder of .eml files', { exact: false }).waitFor();
      await screenshot('email-01-empty');
    });

    await step('imports the Takeout mbox: the preview counts 6, the folder then holds 6', async () => {
      await page.getByTestId('mail-empty-import').click();
      await importFile(fixture(TAKEOUT), '6 messages');
      const folder = page.getByTestId('mail-folder');
      await folder.filter({ hasText: '6' }).first().waitFor();
      await folder.first().click();
      await page.getByTestId('mail-list-count').getByText('6 messages', { exact: true }).waitFor();
      assert.equal(await page.getByTestId('mail-row').count(), 6);
    });

    await step('shows the HTML message in a sandboxed frame without scripts, with its É', async () => {
      await row('A simple example').click();
      await page.getByTestId('mail-subject').getByText('A simple example').waitFor();
      const frame = page.getByTestId('mail-frame');
      await frame.waitFor();
      assert.equal(await frame.getAttribute('sandbox'), '', 'sandbox="" (nothing allowed)');
      const handle = await frame.elementHandle();
      const content = await handle.contentFrame();
      await content.waitForFunction(() => (document.body?.textContent ?? '').includes('É'));
      assert.equal(await content.evaluate(() => document.scripts.length), 0);
      await page.getByTestId('mail-provenance').locator('summary').first().getByText(TAKEOUT, { exact: false }).waitFor();
      // j / k move through the list.
      await page.getByTestId('mail-list').focus();
      await page.keyboard.press('k');
      await page.getByTestId('mail-subject').getByText('A simple example').waitFor({ state: 'detached' });
      await page.keyboard.press('j');
      await page.getByTestId('mail-subject').getByText('A simple example').waitFor();
      await screenshot('email-02-html-message');
    });

    await step('searches label:chat: 2 hits, matches marked', async () => {
      await page.keyboard.press('/');
      await page.keyboard.type('label:chat');
      await page.getByTestId('mail-search-count').getByText('2 matches', { exact: true }).waitFor();
      assert.equal(await page.getByTestId('mail-hits').getByTestId('mail-row').count(), 2);
      await page.getByTestId('mail-search-hint').waitFor();
      await screenshot('email-03-search');
      await page.getByTestId('mail-search').fill('好好学习');
      await page.getByTestId('mail-search-count').getByText('1 match', { exact: true }).waitFor();
      await page.getByTestId('mail-hits').locator('mark').first().waitFor();
      await page.getByTestId('mail-search').press('Escape');
      await page.getByTestId('mail-list').waitFor();
    });

    await step('imports the calendar invitation .eml; "Add to calendar" puts the event on the calendar', async () => {
      await page.getByTestId('mail-tools').click();
      await page.getByTestId('mail-tools-import').click();
      await importFile(fixture(INVITE), '1 message');
      await page.getByRole('button', { name: 'All mail' }).click();
      const invite = page.locator('[data-testid=mail-row][data-subject^="Invitation: Test event"]');
      await invite.click();
      await page.getByTestId('mail-attachments').getByText('invite.ics').waitFor();
      await page.getByTestId('mail-add-calendar').click();
      await page.getByTestId('mail-toast').getByText('is on the calendar', { exact: false }).waitFor();
      await screenshot('email-04-invite');
      const hits = await api('calendar:search', { query: 'Test event' });
      assert.ok(hits.length >= 1, 'the event is in the calendar');
      await page.getByTestId('mail-toast-open').click();
      await page.getByTestId('calendar-page').waitFor();
      await page.keyboard.press('Control+7');
      await page.getByTestId('email-page').waitFor();
    });

    await step('exports one mbox per folder as a .zip download', async () => {
      await page.getByTestId('mail-tools').click();
      await page.getByTestId('mail-tools-export').click();
      const dialog = page.getByRole('dialog', { name: 'Export mail' });
      await dialog.getByTestId('mail-export-mbox').check();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('mail-export-go').click()]);
      const file = path.join(tmp, download.suggestedFilename() || 'mail.zip');
      await download.saveAs(file);
      await dialog.getByTestId('mail-export-done').getByText('7 messages', { exact: false }).waitFor();
      assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');
      const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' });
      assert.ok(/\.mbox$/m.test(listing), `an mbox in the zip:\n${listing}`);
      await screenshot('email-05-export');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    await step('the IMAP accounts dialog opens with its form (no account yet)', async () => {
      await page.getByTestId('mail-tools').click();
      await page.getByTestId('mail-tools-imap').click();
      const dialog = page.getByRole('dialog', { name: 'IMAP accounts' });
      await dialog.getByLabel('Server', { exact: true }).waitFor();
      assert.equal(await dialog.getByTestId('mail-accounts').count(), 0);
      await screenshot('email-06-imap');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    await step('fits 800×600 without sideways scrolling, light and dark', async () => {
      await page.setViewportSize({ width: 800, height: 600 });
      await noSideScroll();
      await screenshot('email-07-800-message');
      await page.getByRole('button', { name: 'Back to the list' }).click();
      await page.getByTestId('mail-list').waitFor();
      await noSideScroll();
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('email-08-800-list-dark');
      await row('A simple example').click();
      const content = await (await page.getByTestId('mail-frame').elementHandle()).contentFrame();
      await content.waitForFunction(() => (document.body?.textContent ?? '').includes('É'));
      await noSideScroll();
      await screenshot('email-09-800-html-dark');
      await page.setViewportSize({ width: 1280, height: 800 });
      await screenshot('email-10-wide-dark');
      await page.emulateMedia({ colorScheme: 'light' });
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
