/* global document, getComputedStyle -- evaluate callbacks run in the browser */
// Issue 7, items 3 and 4: non-clashing shortcuts (Alt+…) shown in the UI, and the small defects —
// Undo after trash, every form error at once, an honest import wizard, a download that says where it went.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

export async function shortcutSteps({ page, step }) {
  await step('shortcuts: Alt+1…7, Alt+N, Alt+E, Alt+C, Alt+T work and are shown beside the Ctrl keys', async () => {
    const modules = page.getByRole('navigation', { name: 'Modules' });
    assert.match((await modules.getByRole('button', { name: 'Batches' }).getAttribute('title')) ?? '', /Alt\+4/);
    assert.match((await modules.getByRole('button', { name: 'Batches' }).getAttribute('aria-keyshortcuts')) ?? '', /Alt\+4/);
    await page.keyboard.press('Alt+5');
    await page.getByTestId('goals-page').waitFor();
    await page.keyboard.press('Alt+4');
    await page.getByTestId('batches-page').waitFor();
    await page.keyboard.press('Alt+3');
    await page.getByTestId('calendar-page').waitFor();
    await page.keyboard.press('Alt+2');
    await page.getByTestId('journal-page').waitFor();
    await page.keyboard.press('Alt+1');
    await page.getByTestId('vault-page').waitFor();

    await page.getByRole('button', { name: 'New item' }).first().hover();
    await page.getByRole('tooltip').getByText('Ctrl+N or Alt+N').waitFor();
    await page.keyboard.press('Alt+n');
    await page.getByTestId('item-editor').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByTestId('item-editor').waitFor({ state: 'detached' });

    await page.getByRole('listbox').getByRole('option', { name: /Bank/ }).click();
    await page.getByTestId('detail-title').getByText('Bank', { exact: true }).waitFor();
    await page.keyboard.press('Alt+c');
    await page.getByTestId('vault-toast').getByText('Password copied', { exact: false }).waitFor();
    assert.equal(await readClipboard(page), 'correct horse 1');
    await page.keyboard.press('Alt+t');
    await page.getByTestId('vault-toast').getByText('Code copied', { exact: false }).waitFor();
    assert.match(await readClipboard(page), /^\d{6}$/);
    await page.keyboard.press('Alt+e');
    await page.getByTestId('item-editor').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByTestId('item-editor').waitFor({ state: 'detached' });
  });

  await step('shortcuts: "?" and the sidebar open the list of shortcuts with their Alt alternatives', async () => {
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const row = (what) => help.getByRole('row').filter({ hasText: what });
    await row('New login').getByText('Alt+N', { exact: true }).waitFor();
    await row('Copy one-time code').getByText('Alt+T', { exact: true }).waitFor();
    await row('Copy password').getByText('Alt+C', { exact: true }).waitFor();
    await row('Open Vault').getByText('Alt+1…7', { exact: true }).waitFor();
    await row('Goals: quick add a task').getByText('Q', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.getByRole('listbox').getByRole('option', { name: /Bank/ }).click();
    await page.keyboard.press('?');
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });
}

export async function smallDefectSteps({ page, step, screenshot }) {
  await step('batch form shows every error at once (lot, quantity, future date)', async () => {
    await page.getByRole('button', { name: 'New batch' }).first().click();
    const form = page.getByRole('dialog', { name: 'New batch' });
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    await form.getByLabel('Production date').fill(tomorrow);
    await form.getByRole('button', { name: 'Add batch' }).click();
    await form.getByText('Enter the lot code').waitFor();
    await form.getByText('Enter a quantity above zero').waitFor();
    await form.getByText(/Production date .* is in the future/).waitFor();
    await screenshot('layout-batch-form-errors', page);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  await step('customer page download says its file name and where it went', async () => {
    await page.getByRole('tab', { name: 'Batches' }).click();
    await page.getByTestId('batch-table').getByText('HAM-LONG-LOT-NUMBER-0001').click();
    await page.getByTestId('batch-detail').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Customer page' }).click()]);
    const name = download.suggestedFilename();
    assert.match(name, /\.html$/);
    await page.getByRole('status').getByText(`Customer page downloaded as “${name}”. Find it in your browser's downloads.`).waitFor();
  });

  await step('batches: deleting a product asks first (there is no undo)', async () => {
    await page.getByRole('tab', { name: 'Products' }).click();
    await page.getByRole('button', { name: /^Delete Smoked ham/ }).click();
    const confirm = page.getByRole('dialog', { name: /^Delete “Smoked ham/ });
    await confirm.getByText('This cannot be undone.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page
      .getByTestId('product-table')
      .getByText(/^Smoked ham/)
      .waitFor();
  });

  await step('vault: Trash offers Undo, and Undo brings the item back', async () => {
    await page.keyboard.press('Alt+1');
    await page.getByRole('listbox').getByRole('option', { name: /Mail/ }).click();
    await page.getByTestId('detail-title').getByText('Mail', { exact: true }).waitFor();
    await page.getByTestId('trash-item').click();
    await page.getByRole('listbox').getByRole('option', { name: /Mail/ }).waitFor({ state: 'detached' });
    await page.getByTestId('vault-toast').getByText('Moved to the trash').waitFor();
    await page.getByTestId('vault-toast').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('listbox').getByRole('option', { name: /Mail/ }).waitFor();
    await page.getByTestId('detail-title').getByText('Mail', { exact: true }).waitFor();
  });

  await step('import wizard: honest wording, Enter previews, skipped rows are neutral', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-layout-import-'));
    try {
      const csv = path.join(dir, 'chrome-passwords.csv');
      writeFileSync(csv, 'name,url,username,password,note\nForum,https://forum.test,alice,pw-forum-1,\n,,,orphan-password,\n');
      await page.getByRole('button', { name: 'Import…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import into the vault' });
      await dialog.getByText('Nothing is written until you confirm the preview.').waitFor();
      assert.equal(await dialog.getByText('The file is password-protected').count(), 0, 'the wizard claims a password before it knows');
      await dialog.getByTestId('import-file').setInputFiles(csv);
      await dialog.getByRole('button', { name: 'Enter a file password (encrypted exports)' }).click();
      await dialog.getByLabel('File password', { exact: true }).fill('not-needed');
      await dialog.getByLabel('File password', { exact: true }).press('Enter');
      const preview = dialog.getByTestId('import-preview-result');
      await preview.waitFor();
      await dialog.getByText('Nothing has been written yet. Check what was found, then import.').waitFor();
      const skipped = preview.getByText('Skipped rows').locator('xpath=..');
      await skipped.getByText('1', { exact: true }).waitFor();
      const colors = await skipped.evaluate((el) => {
        const value = getComputedStyle(el.firstElementChild).color;
        const probe = document.createElement('span');
        probe.className = 'text-danger';
        document.body.append(probe);
        const danger = getComputedStyle(probe).color;
        probe.remove();
        return { value, danger };
      });
      assert.notEqual(colors.value, colors.danger, 'skipped rows are shown in the danger colour');
      await dialog.getByTestId('import-commit').click();
      await dialog.getByTestId('import-done').getByText('Imported 1 item').waitFor();
      await dialog.getByText('The import is finished.').waitFor();
      assert.equal(await dialog.getByText('Nothing is written until you confirm the preview.').count(), 0);
      await dialog.getByRole('button', { name: 'Done' }).click();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
