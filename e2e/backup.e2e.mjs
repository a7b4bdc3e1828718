// Backups (issue 13), browser mode: a profile with a vault item and a goals task chooses a backup folder by typing its
// path (browser mode has no folder dialog), backs up now (toast + the list shows it) and verifies it (every chunk
// intact). After the lock, "Restore from backup…" on the profile picker names a missing folder in words and lists the
// folder's backup; the recovery-key way asks for a new master password; a wrong password is refused in words; the
// right one restores into a new profile and shows its new recovery key once; the restored profile unlocks with the
// vault item and the task. 800×600 has no sideways scroll, light and dark. Screenshots: e2e/artifacts/backup-*.png.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiCaller, assertNoSideScroll, createProfile, expectShell, expectUnlock, lockWithButton, openSettings, unlockWithPassword } from './lib/flows.mjs';

const PASSWORD = 'lantern orchard copper tide 41 meadow';
const PROFILE = 'Home';
const RESTORED = 'Home (restored in e2e)';
const ITEM = 'Harbour Bank';
const TASK = 'Renew the boat licence';

export async function run({ origin, token, url, screenshot, step, newPage, watchers }) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hearth-backup-e2e-'));
  const api = apiCaller(origin, token);
  const page = await newPage({ colorScheme: 'light', timezoneId: 'UTC' });
  const section = () => page.getByRole('region', { name: 'Backups' });
  /** Types the folder's path (pickFolder answers null in browser mode) and uses it. */
  const typeFolder = async (scope) => {
    await scope.getByTestId('backup-choose-folder').click();
    await scope.getByLabel('Folder path').fill(folder);
    await scope.getByRole('button', { name: 'Use this folder' }).click();
    await scope.getByTestId('backup-folder').getByText(folder, { exact: true }).waitFor();
  };

  try {
    await step('a profile with a vault item and a task; Settings → Backups says to choose a folder', async () => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      await page.getByRole('button', { name: 'Restore from backup…' }).waitFor();
      await createProfile(page, PROFILE, PASSWORD);
      await api('vault:create', { item: { type: 'login', title: ITEM, login: { username: 'skipper', password: 'tide-table-99' } } });
      await api('goals:createTask', { title: TASK });
      await openSettings(page);
      await section().getByText('No folder yet', { exact: false }).waitFor();
      assert.equal(await section().getByRole('button', { name: 'Back up now' }).isDisabled(), true, 'Back up now without a folder');
      await section().scrollIntoViewIfNeeded();
      await screenshot('backup-01-no-folder');
    });

    await step('types the folder path, backs up now: a toast, then the backup in the list', async () => {
      await typeFolder(section());
      await section().getByTestId('backup-list-empty').waitFor();
      await section().getByRole('button', { name: 'Back up now' }).click();
      await page
        .getByTestId('backup-toast')
        .getByText(/^Backed up in .* file/)
        .waitFor({ timeout: 30_000 });
      await section().getByTestId('backup-row').first().waitFor();
      assert.equal(await section().getByTestId('backup-row').count(), 1);
      assert.notEqual(await section().getByTestId('backup-last').textContent(), 'Never');
      assert.ok(readdirSync(path.join(folder, 'hearth-backups')).length === 1, 'one profile folder under hearth-backups');
      await screenshot('backup-02-backed-up');
    });

    await step('verifies it with the password: every chunk intact; Esc closes', async () => {
      await section()
        .getByRole('button', { name: /^Verify the backup of/ })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Verify backup' });
      await dialog.getByLabel('Password of the backup').fill(PASSWORD);
      await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
      await dialog
        .getByTestId('backup-verify-result')
        .getByText(/^Everything checks out/)
        .waitFor({ timeout: 30_000 });
      await screenshot('backup-03-verified');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    await step('fits 800×600 without sideways scrolling, light and dark', async () => {
      await page.setViewportSize({ width: 800, height: 600 });
      await section().scrollIntoViewIfNeeded();
      await assertNoSideScroll(page);
      await screenshot('backup-04-800-settings');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('backup-05-800-settings-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    });

    let groups = [];
    await step('after the lock, restores the backup from the profile picker into a new profile', async () => {
      await lockWithButton(page);
      await page.getByRole('button', { name: 'Switch profile' }).click();
      await page.getByRole('button', { name: 'Restore from backup…' }).click();
      await page.getByRole('heading', { name: 'Restore from backup' }).waitFor();
      await assertNoSideScroll(page);
      // A folder that is not there (an unplugged stick) is named in words.
      await page.getByTestId('backup-choose-folder').click();
      await page.getByLabel('Folder path').fill(path.join(folder, 'unplugged'));
      await page.getByRole('button', { name: 'Use this folder' }).click();
      await page.getByText('There is no folder at', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await typeFolder(page);
      const row = page.getByTestId('backup-row');
      await row.first().waitFor();
      assert.equal(await row.count(), 1);
      await assertNoSideScroll(page);
      await screenshot('backup-06-800-restore-list');
      await row.first().getByRole('button').click();
      // With the recovery key of that day, the new profile needs a new master password.
      await page.getByRole('button', { name: 'Use recovery key instead' }).click();
      await page.getByLabel('Recovery key of the backup').waitFor();
      await page.getByLabel('New master password').waitFor();
      await screenshot('backup-07-800-restore-with-key');
      await page.getByRole('button', { name: 'Use password instead' }).click();
      await page.getByLabel('Password of the backup').fill('still not the password');
      await page.getByLabel('Name of the new profile').fill(RESTORED);
      await page.getByRole('button', { name: 'Restore', exact: true }).click();
      await page.getByText('Wrong password for this backup.', { exact: true }).waitFor({ timeout: 30_000 });
      await page.emulateMedia({ colorScheme: 'dark' });
      await assertNoSideScroll(page);
      await screenshot('backup-07-800-restore-wrong-password-dark');
      await page.getByLabel('Password of the backup').fill(PASSWORD);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByRole('button', { name: 'Restore', exact: true }).click();
      const keyBox = page.getByTestId('recovery-key');
      await keyBox.waitFor({ timeout: 30_000 });
      groups = ((await keyBox.getAttribute('aria-label')) ?? '').replace('Recovery key: ', '').split(' ');
      assert.equal(groups.length, 8, `a new recovery key of 8 groups: ${groups.join(' ')}`);
      await screenshot('backup-08-800-restore-key');
    });

    await step('the restored profile is listed, unlocks with the password and holds the vault item and the task', async () => {
      await page.getByRole('button', { name: 'I have saved it' }).click();
      await page.getByLabel('Last group').fill(groups[7]);
      await page.getByRole('button', { name: 'Continue to Hearth' }).click();
      await expectUnlock(page);
      await page.getByText(RESTORED).first().waitFor();
      await page.getByRole('button', { name: 'Switch profile' }).click();
      const profiles = page.getByRole('list', { name: 'Profiles' });
      await profiles.getByText(RESTORED, { exact: true }).waitFor();
      await profiles.getByText(PROFILE, { exact: true }).waitFor();
      await screenshot('backup-09-800-picker');
      await profiles.getByText(RESTORED, { exact: true }).click();
      await unlockWithPassword(page, PASSWORD);
      await expectShell(page, RESTORED);
      await page.setViewportSize({ width: 1200, height: 780 });
      await page
        .getByRole('listbox')
        .getByRole('option', { name: new RegExp(ITEM) })
        .waitFor();
      const tasks = await api('goals:listTasks', { filter: { text: 'boat' } });
      assert.deepEqual(
        tasks.map((t) => t.title),
        [TASK],
      );
      await screenshot('backup-10-restored-vault');
    });

    await step('saw no CSP violation and no page error', async () => {
      assert.deepEqual(
        watchers.flatMap((w) => w.problems()),
        [],
      );
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
