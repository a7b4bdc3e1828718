/* global document -- waitForFunction callbacks run in the browser */
// Shared UI flows for the specs: create a profile, lock, unlock, open Settings.
import assert from 'node:assert/strict';

/** Waits for the unlocked shell (the module nav, the profile name, no page still loading). */
export async function expectShell(page, profileName) {
  await page.getByRole('navigation', { name: 'Modules' }).waitFor();
  await page.getByTestId('profile-name').getByText(profileName).waitFor();
  await page.getByText('Loading…', { exact: true }).waitFor({ state: 'detached' });
}

/** Waits for the unlock screen. */
export async function expectUnlock(page) {
  await page.getByLabel('Master password', { exact: true }).waitFor();
}

export async function lockWithButton(page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expectUnlock(page);
}

export async function unlockWithPassword(page, password) {
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

export async function openSettings(page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
}

/** Fills the create form and submits it; returns the recovery key groups shown afterwards. */
export async function submitNewProfile(page, name, password) {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  const create = page.getByRole('button', { name: 'Create profile' });
  await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.hasAttribute('disabled'));
  await create.click();
  const keyBox = page.getByTestId('recovery-key');
  await keyBox.waitFor({ timeout: 30_000 });
  const groups = ((await keyBox.getAttribute('aria-label')) ?? '').replace('Recovery key: ', '').split(' ');
  assert.equal(groups.length, 8, `expected 8 recovery key groups, got ${groups.join(' ')}`);
  return groups;
}

/** Confirms the key with its last group and waits for the shell. */
export async function confirmRecoveryKey(page, groups, profileName) {
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await page.getByLabel('Last group').fill(groups[7]);
  await page.getByRole('button', { name: 'Continue to Hearth' }).click();
  await expectShell(page, profileName);
}

/** The whole creation flow from the create screen to the unlocked shell. */
export async function createProfile(page, name, password) {
  const groups = await submitNewProfile(page, name, password);
  await confirmRecoveryKey(page, groups, name);
  return groups.join('-');
}

/** A typed-API caller for a spec: `await api('vault:list', {...})` through the browser-mode HTTP API; throws on an error result. */
export function apiCaller(origin, token) {
  return async (channel, input = {}) => {
    const res = await fetch(`${origin}/api/call/${channel}`, {
      method: 'POST',
      body: JSON.stringify(input),
      headers: { 'x-hearth-token': token, 'content-type': 'application/json' },
    });
    const body = await res.json();
    assert.ok(body.ok, `${channel}: ${JSON.stringify(body.error)}`);
    return body.value;
  };
}

/** Fails when the page scrolls sideways. */
export async function assertNoSideScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'the page scrolls sideways');
}
