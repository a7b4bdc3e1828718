// Sync (issue 14), browser mode against a real sync server on a real PostgreSQL (run.mjs starts both for this spec):
// the Welcome screen offers "Join a synced account…"; a new profile signs up in Settings → Sync (the section explains
// what sync is first), the status says "Synced", a vault item created through the API goes out with "Sync now", and the
// devices list shows this device. 800×600 has no sideways scroll, light and dark. Screenshots: e2e/artifacts/sync-*.png.
import assert from 'node:assert/strict';
import { apiCaller, assertNoSideScroll, createProfile, openSettings } from './lib/flows.mjs';

export const needsSyncServer = true;

const PASSWORD = 'lantern orchard copper tide 41 meadow';
const PROFILE = 'Home';
const EMAIL = 'sam@example.org';
const DEVICE = 'Kitchen laptop';

export async function run({ origin, token, url, syncServerUrl, screenshot, step, newPage, watchers }) {
  const api = apiCaller(origin, token);
  const page = await newPage({ colorScheme: 'light', timezoneId: 'UTC' });
  const section = () => page.getByRole('region', { name: 'Sync' });
  /** No sideways scroll in the page, nor inside the Sync section. */
  const assertFits = async () => {
    await assertNoSideScroll(page);
    const inner = await section().evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.equal(inner, 0, 'the Sync section scrolls sideways');
  };

  await step('the Welcome screen offers joining a synced account (a form for server, email, password, new profile name)', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    await page.getByRole('button', { name: 'Join a synced account…' }).click();
    await page.getByRole('heading', { name: 'Join a synced account' }).waitFor();
    await page.getByLabel('Name of the new profile on this device').waitFor();
    await page.setViewportSize({ width: 800, height: 600 });
    await assertNoSideScroll(page);
    await screenshot('sync-01-join-800');
    await page.getByRole('button', { name: 'Back to profiles' }).click();
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    await page.setViewportSize({ width: 1200, height: 780 });
  });

  await step('Settings → Sync explains sync before asking for anything', async () => {
    await createProfile(page, PROFILE, PASSWORD);
    await openSettings(page);
    await section().scrollIntoViewIfNeeded();
    await section().getByText('the server stores sealed data it cannot read', { exact: false }).waitFor();
    assert.equal(await section().getByRole('radio', { name: 'Create an account' }).getAttribute('aria-checked'), 'true');
    await screenshot('sync-02-setup');
  });

  await step('signs up with the master password: the status says Synced', async () => {
    const form = section().getByTestId('sync-form-signUp');
    await form.getByLabel('Server address').fill(syncServerUrl);
    await form.getByLabel('Email').fill(EMAIL);
    await form.getByLabel('Device name').fill(DEVICE);
    await form.getByLabel('This profile’s master password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Create sync account' }).click();
    await section()
      .getByTestId('sync-status')
      .getByText(/^Synced /)
      .waitFor({ timeout: 30_000 });
    const status = await api('sync:status');
    assert.equal(status.signedIn, true);
    assert.equal(status.email, EMAIL);
    assert.equal(status.lastError, null);
    assert.ok(!JSON.stringify(status).includes('Token'), 'no token in the status');
  });

  await step('a vault item made through the API goes out with Sync now; the devices list shows this device', async () => {
    await api('vault:create', { item: { type: 'login', title: 'Harbour Bank', login: { username: 'skipper', password: 'tide-table-99' } } });
    await section().getByRole('button', { name: 'Sync now' }).click();
    const toast = page.getByTestId('sync-toast').getByText(/^Synced: \d+ sent/);
    await toast.waitFor({ timeout: 30_000 });
    assert.match((await toast.textContent()) ?? '', /^Synced: [1-9]\d* sent/);
    assert.equal((await api('sync:status')).pending, 0);
    const device = section().getByTestId('sync-device');
    await device.first().waitFor();
    assert.equal(await device.count(), 1);
    await device.getByText(DEVICE).waitFor();
    await device.getByText('This device').waitFor();
    await section().getByTestId('sync-conflicts-empty').waitFor();
    await section().getByRole('switch', { name: 'Sync in the background' }).waitFor();
    await screenshot('sync-03-synced');
  });

  await step('fits 800×600 without sideways scrolling, light and dark', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    await section().getByTestId('sync-status').scrollIntoViewIfNeeded();
    await assertFits();
    await screenshot('sync-04-800-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await assertFits();
    await screenshot('sync-05-800-dark');
    await page.getByRole('button', { name: 'Sign out' }).scrollIntoViewIfNeeded();
    await screenshot('sync-06-800-dark-devices');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await step('saw no CSP violation and no page error', async () => {
    assert.deepEqual(
      watchers.flatMap((w) => w.problems()),
      [],
    );
  });
}
