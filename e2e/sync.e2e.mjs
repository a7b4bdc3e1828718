// Sync (issue 14), browser mode against a real sync server on a real PostgreSQL (run.mjs starts both for this spec):
// the Welcome screen offers "Join a synced account…"; a new profile signs up in Settings → Sync (the section explains
// what sync is first), the status says "Synced", a vault item created through the API goes out with "Sync now", and the
// devices list shows this device. 800×600 has no sideways scroll, light and dark. Then the shared batches register:
// shared from Settings → Sync (this profile the owner), an unknown email refused in words, a second account (signed up
// over the sync HTTP API) invited as viewer after a fingerprint check (a modal shows the fingerprint of the key the server
// gives, which must equal the one computed here from that account's public key) and removed behind a confirm (the key
// rotates to version 2). The owner's own key fingerprint shows in the panel.
// Screenshots: e2e/artifacts/sync-*.png.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { apiCaller, assertNoSideScroll, createProfile, openSettings } from './lib/flows.mjs';

export const needsSyncServer = true;

const PASSWORD = 'lantern orchard copper tide 41 meadow';
const PROFILE = 'Home';
const EMAIL = 'sam@example.org';
const DEVICE = 'Kitchen laptop';
const STAFF = 'robin@example.org';

/** The key fingerprint as Hearth shows it (src-main/sync/keys.ts): SHA-256 of the raw key, 16 bytes as 8 groups of 4 hex digits. */
const fingerprintOf = (publicKey) => createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 32).match(/.{4}/g).join(' ');

/**
 * A second sync account, signed up over the HTTP API with well-formed random key material (it only has to be
 * invitable); answers its public key.
 */
async function signUpStaff(syncServerUrl, email) {
  const b64u = (n) => randomBytes(n).toString('base64url');
  const publicKey = b64u(32);
  const body = {
    email,
    authSecret: b64u(32),
    kdf: { name: 'argon2id', version: 19, memoryKiB: 64 * 1024, iterations: 3, parallelism: 4, salt: randomBytes(16).toString('base64') },
    keyring: JSON.stringify({ wrapped: randomBytes(48).toString('base64') }),
    publicKey,
    wrappedPrivateKey: b64u(60),
    keyProof: b64u(32),
    deviceName: 'Counter tablet',
  };
  const res = await fetch(`${syncServerUrl}/v1/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200, `staff sign-up: ${res.status} ${await res.text()}`);
  return publicKey;
}

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

  await step('shares the batches register from Settings → Sync (800×600): this profile is its owner', async () => {
    const dismiss = page.getByTestId('sync-toast').getByRole('button', { name: 'Dismiss' });
    if (await dismiss.isVisible()) await dismiss.click();
    await section().getByTestId('sync-sharing').scrollIntoViewIfNeeded();
    const form = section().getByTestId('sync-share-form');
    await form.getByText('viewers only see it', { exact: false }).waitFor();
    await assertFits();
    await screenshot('sync-07-sharing-form-800');
    assert.equal(await form.getByLabel('Register name').inputValue(), 'Shop register');
    await form.getByRole('button', { name: 'Share the register' }).click();
    const shared = section().getByTestId('sync-shared-collection');
    await shared.getByText('Shop register').waitFor({ timeout: 30_000 });
    await shared.getByTestId('sync-shared-role').getByText('You are the owner').waitFor();
    const me = shared.getByTestId('sync-member');
    assert.equal(await me.count(), 1);
    await me.getByText(EMAIL).waitFor();
    await me.getByText('Owner', { exact: true }).waitFor();
    const [c] = await api('sync:collections');
    assert.equal(c.role, 'owner');
    assert.equal(c.name, 'Shop register');
    // This account's own key fingerprint, for when someone else's shop invites it.
    const own = section().getByTestId('sync-own-fingerprint');
    await own.getByText('Read it to the shop owner when they invite you.').waitFor();
    const { fingerprint } = await api('sync:fingerprint');
    assert.match(fingerprint, /^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    await own.getByText(fingerprint, { exact: true }).waitFor();
  });

  await step('invites: an unknown email is refused in words; a second account joins as viewer after its fingerprint is confirmed', async () => {
    const shared = section().getByTestId('sync-shared-collection');
    const invite = shared.getByTestId('sync-invite-form');
    await invite.getByLabel('Invite by email').fill('nobody@example.org');
    await invite.getByRole('button', { name: 'Invite' }).click();
    await invite.getByText('No such sync account or shared collection on this server.').waitFor({ timeout: 30_000 });

    const staffKey = await signUpStaff(syncServerUrl, STAFF);
    await invite.getByLabel('Invite by email').fill(STAFF);
    await invite.getByLabel('Role').selectOption('viewer');
    await invite.getByRole('button', { name: 'Invite' }).click();
    // The confirm: the fingerprint of the key the server gives for that email, which the member reads from their device.
    const dialog = page.getByRole('dialog', { name: `Check ${STAFF}’s key` });
    await dialog.getByText(`Ask ${STAFF} to read the fingerprint under Settings → Sync on their device. It must be:`).waitFor({ timeout: 30_000 });
    const shown = await dialog.getByTestId('sync-invite-fingerprint').textContent();
    assert.equal(shown, fingerprintOf(staffKey), 'the modal shows the fingerprint of the staff account’s key');
    assert.deepEqual(await api('sync:memberKey', { email: STAFF }), { email: STAFF, fingerprint: shown });
    await page.setViewportSize({ width: 800, height: 600 });
    await screenshot('sync-11-fingerprint-800');
    // Cancel invites nobody; the second try confirms.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await api('sync:collections'))[0].members.length, 1);
    await invite.getByRole('button', { name: 'Invite' }).click();
    await dialog.getByRole('button', { name: 'It matches — invite' }).click();
    await dialog.waitFor({ state: 'detached' });
    const staff = shared.getByTestId('sync-member').filter({ hasText: STAFF });
    await staff.waitFor({ timeout: 30_000 });
    await staff.getByText('Viewer', { exact: true }).waitFor();
    assert.equal(await invite.getByLabel('Invite by email').inputValue(), '', 'the email field clears after an invite');
    assert.equal(await invite.getByRole('alert').count(), 0, 'the earlier refusal is gone');
  });

  await step('the shared register fits 800×600 (light and dark) and 1280×800 without sideways scrolling', async () => {
    await section().getByTestId('sync-sharing').scrollIntoViewIfNeeded();
    await assertFits();
    await screenshot('sync-08-sharing-800-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await assertFits();
    await screenshot('sync-09-sharing-800-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await section().getByTestId('sync-sharing').scrollIntoViewIfNeeded();
    await assertFits();
    await screenshot('sync-12-sharing-1280');
    await page.setViewportSize({ width: 800, height: 600 });
  });

  await step('removing a member asks first (the key is changed), then rotates the key', async () => {
    const shared = section().getByTestId('sync-shared-collection');
    await shared.getByRole('button', { name: `Remove ${STAFF}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${STAFF}?` });
    await dialog.getByText('key is changed at once', { exact: false }).waitFor();
    await screenshot('sync-10-sharing-remove-800');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await shared.getByTestId('sync-member').filter({ hasText: STAFF }).waitFor({ state: 'detached' });
    const [c] = await api('sync:collections');
    assert.equal(c.keyVersion, 2);
    assert.deepEqual(
      c.members.map((m) => m.email),
      [EMAIL],
    );
  });

  await step('saw no CSP violation and no page error', async () => {
    assert.deepEqual(
      watchers.flatMap((w) => w.problems()),
      [],
    );
  });
}
