/* global window, document -- callbacks passed to page.evaluate/waitForFunction run in the browser */
// Foundation: CSP and isolation, profile creation with the recovery key, lock/unlock (password and
// recovery key, which ends with a new master password), password change, settings persistence, and
// the browser-mode API guards.
import assert from 'node:assert/strict';
import http from 'node:http';
import { confirmRecoveryKey, expectShell, expectUnlock, lockWithButton, openSettings, submitNewProfile, unlockWithPassword } from './lib/flows.mjs';

const PASSWORD = 'ember quiet harbor violet lantern 74';
const NEW_PASSWORD = 'copper meadow thistle orbit canyon 19';
const RECOVERED_PASSWORD = 'saddle ember violin glacier porch 63';
const WRONG_PASSWORD = 'definitely not the password';

/** One request with full control of the headers (fetch does not let us forge Host). */
function rawRequest(origin, { path, method = 'POST', headers = {}, body = '{}' }) {
  const target = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: target.hostname, port: target.port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function run({ url, origin, token, screenshot, step, newPage, watchers }) {
  const page = await newPage({ colorScheme: 'light' });
  const profileName = 'Household';
  let recoveryKey = '';

  await step('serves the app with the CSP header and no Node globals', async () => {
    const response = await page.goto(url);
    assert.ok(response, 'no response for the document');
    const csp = response.headers()['content-security-policy'] ?? '';
    for (const part of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "require-trusted-types-for 'script'", "frame-ancestors 'none'"]) {
      assert.ok(csp.includes(part), `CSP header lacks ${part}: ${csp}`);
    }
    assert.equal(await page.evaluate(() => typeof window.require), 'undefined');
    assert.equal(await page.evaluate(() => typeof window.process), 'undefined');
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    assert.ok(!page.url().includes('token='), `the token stays in the address bar: ${page.url()}`);
  });

  await step('creates a profile, shows the recovery key once and asks for its last group', async () => {
    await page.getByLabel('Profile name').fill(profileName);
    await page.getByLabel('Master password', { exact: true }).fill('password1');
    await page.getByText('This password is too easy to guess', { exact: false }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Create profile' }).isDisabled(), true, 'a weak password was accepted');

    await page.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByRole('meter', { name: 'Password strength' }).waitFor();
    await page.getByRole('button', { name: 'Create profile' }).waitFor({ state: 'visible' });
    await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.hasAttribute('disabled'));
    await screenshot('01-create-profile');
    await page.getByRole('button', { name: 'Create profile' }).click();

    const keyBox = page.getByTestId('recovery-key');
    await keyBox.waitFor({ timeout: 30_000 });
    const label = (await keyBox.getAttribute('aria-label')) ?? '';
    const groups = label.replace('Recovery key: ', '').split(' ');
    assert.equal(groups.length, 8, `expected 8 groups, got ${label}`);
    recoveryKey = groups.join('-');
    await page.getByText('If you lose both your password and this key, your data cannot be recovered.').waitFor();
    await screenshot('02-recovery-key');

    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByLabel('Last group').fill(groups[0] === groups[7] ? 'ZZZZ' : groups[0]);
    await page.getByRole('button', { name: 'Continue to Hearth' }).click();
    await page.getByText('That is not the last group of your key', { exact: false }).waitFor();
    await page.getByLabel('Last group').fill(groups[7].toLowerCase());
    await page.getByRole('button', { name: 'Continue to Hearth' }).click();
    await expectShell(page, profileName);
    await page.getByRole('heading', { name: 'Vault' }).first().waitFor();
    await screenshot('03-app-shell');
  });

  await step('opens modules with Ctrl+digit (Goals, the last module built, shows its page)', async () => {
    await page.keyboard.press('Control+5');
    await page.getByTestId('goals-page').waitFor();
    await page.getByRole('textbox', { name: 'Quick add task' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: /is coming soon/ }).count(), 0, 'a module still shows "Coming soon"');
    await screenshot('04-goals');
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { name: 'Vault' }).first().waitFor();
  });

  await step('locks with the button, refuses a wrong password, unlocks with the right one', async () => {
    await lockWithButton(page);
    await screenshot('05-unlock');
    await unlockWithPassword(page, WRONG_PASSWORD);
    await page.getByRole('alert').getByText('Wrong password', { exact: true }).waitFor();
    await screenshot('06-unlock-wrong-password');
    await unlockWithPassword(page, PASSWORD);
    await expectShell(page, profileName);
  });

  await step('forgot the password: recovery key, then a new master password; the old one stops working', async () => {
    await page.keyboard.press('Control+l');
    await expectUnlock(page);
    await page.getByRole('button', { name: 'Use recovery key instead' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await screenshot('07-unlock-recovery-key');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();

    // A recovery unlock ends with a new master password before anything else opens.
    await page.getByRole('heading', { name: 'Set a new master password' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('New master password', { exact: true }).fill('password1');
    await page.getByText('This password is too easy to guess', { exact: false }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Set new password' }).isDisabled(), true, 'a weak password was accepted');
    await page.getByLabel('New master password', { exact: true }).fill(RECOVERED_PASSWORD);
    await page.getByLabel('Confirm password').fill(RECOVERED_PASSWORD);
    await screenshot('07b-set-new-password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { name: 'New master password set' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Create a new recovery key' }).waitFor();
    await screenshot('07c-offer-new-recovery-key');
    await page.getByRole('button', { name: 'Not now' }).click();
    await expectShell(page, profileName);

    await lockWithButton(page);
    await unlockWithPassword(page, PASSWORD);
    await page.getByRole('alert').getByText('Wrong password', { exact: true }).waitFor();
    await unlockWithPassword(page, RECOVERED_PASSWORD);
    await expectShell(page, profileName);
  });

  await step('changes the password in Settings; the old one stops working', async () => {
    await openSettings(page);
    await screenshot('08-settings');
    await page.getByRole('button', { name: 'Change password…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change master password' });
    await dialog.getByLabel('Current password').fill(RECOVERED_PASSWORD);
    await dialog.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await dialog.getByLabel('Confirm password').fill(NEW_PASSWORD);
    await screenshot('09-change-password');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Master password changed.', { exact: false }).waitFor({ timeout: 30_000 });

    await lockWithButton(page);
    await unlockWithPassword(page, RECOVERED_PASSWORD);
    await page.getByRole('alert').getByText('Wrong password', { exact: true }).waitFor();
    await unlockWithPassword(page, NEW_PASSWORD);
    await expectShell(page, profileName);
  });

  await step('keeps settings across lock and unlock', async () => {
    await openSettings(page);
    const minutes = page.getByLabel('Lock after inactivity');
    await minutes.fill('7');
    await minutes.press('Enter');
    await page.getByLabel('Saved').waitFor();
    await page.getByRole('switch', { name: 'Lock when the computer sleeps' }).click();
    await page.waitForTimeout(300);

    await lockWithButton(page);
    await unlockWithPassword(page, NEW_PASSWORD);
    await expectShell(page, profileName);
    await openSettings(page);
    assert.equal(await page.getByLabel('Lock after inactivity').inputValue(), '7');
    assert.equal(await page.getByRole('switch', { name: 'Lock when the computer sleeps' }).getAttribute('aria-checked'), 'false');
  });

  await step('switches to the dark theme and back to the system theme', async () => {
    await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
    assert.equal(await page.getByRole('radio', { name: 'Dark' }).isChecked(), true);
    await screenshot('10-settings-dark');
    await page.keyboard.press('Control+5');
    await page.getByTestId('goals-page').waitFor();
    await screenshot('11-app-shell-dark');
    await lockWithButton(page);
    await screenshot('12-unlock-dark');
    await unlockWithPassword(page, NEW_PASSWORD);
    await expectShell(page, profileName);
    await openSettings(page);
    await page.getByRole('radiogroup', { name: 'Theme' }).getByText('System', { exact: true }).click();
    await page.waitForFunction(() => !document.documentElement.classList.contains('theme-dark'));
    assert.equal(await page.getByRole('radio', { name: 'System' }).isChecked(), true);
  });

  await step('shows the profile picker and creates a second profile from it', async () => {
    await lockWithButton(page);
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await page.getByRole('heading', { name: 'Choose a profile' }).waitFor();
    await page.getByRole('button', { name: 'New profile' }).click();
    await confirmRecoveryKey(page, await submitNewProfile(page, 'Bakery', PASSWORD), 'Bakery');
    await lockWithButton(page);
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await page.getByRole('button', { name: /Household/ }).waitFor();
    await page.getByRole('button', { name: /Bakery/ }).waitFor();
    await screenshot('13-profile-picker');
  });

  await step('guards the API: 401 without the token, 403 for a foreign Host', async () => {
    const noToken = await fetch(`${origin}/api/call/session:status`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(noToken.status, 401);
    assert.equal((await noToken.json()).ok, false);

    const withToken = await fetch(`${origin}/api/call/session:status`, { method: 'POST', body: '{}', headers: { 'x-hearth-token': token } });
    assert.equal(withToken.status, 200);
    assert.equal((await withToken.json()).ok, true);

    const port = new URL(origin).port;
    const foreignHost = await rawRequest(origin, { path: '/api/call/session:status', headers: { host: `evil.example:${port}`, 'x-hearth-token': token } });
    assert.equal(foreignHost.status, 403);
    const foreignOrigin = await rawRequest(origin, {
      path: '/api/call/session:status',
      headers: { origin: 'http://evil.example', 'x-hearth-token': token },
    });
    assert.equal(foreignOrigin.status, 403);
  });

  await step('saw no CSP violation and no page error during the whole run', async () => {
    const problems = watchers.flatMap((w) => w.problems());
    assert.deepEqual(problems, []);
  });
}
