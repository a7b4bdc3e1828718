// Idle auto-lock: with "lock after 1 minute", main warns ~30 s before the deadline; the renderer shows
// the "Locking soon" notice, and any keyboard or pointer activity reports itself so the profile stays open.
import assert from 'node:assert/strict';
import { createProfile, openSettings } from './lib/flows.mjs';

const PASSWORD = 'walnut signal prairie cobalt ferry 58';

export async function run({ url, origin, token, screenshot, step, newPage, watchers }) {
  const page = await newPage({ colorScheme: 'light' });

  await step('sets auto-lock to one minute', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    await createProfile(page, 'Studio', PASSWORD);
    await openSettings(page);
    const minutes = page.getByLabel('Lock after inactivity');
    await minutes.fill('1');
    await minutes.press('Enter');
    await page.getByLabel('Saved').waitFor();
  });

  await step('warns before locking; activity dismisses the warning and keeps the profile open', async () => {
    // No input from here on: the warning comes 30 s before the one-minute deadline (main ticks every 5 s).
    const toast = page.getByRole('status').filter({ hasText: 'Locking soon' });
    await toast.waitFor({ timeout: 60_000 });
    await screenshot('14-auto-lock-warning');
    // Reaching for "Stay unlocked" is itself activity: the pointer moving there already dismisses it.
    const box = await toast.getByRole('button', { name: 'Stay unlocked' }).boundingBox();
    assert.ok(box, 'the Stay unlocked button has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await toast.waitFor({ state: 'detached' });

    const status = await fetch(`${origin}/api/call/session:status`, { method: 'POST', body: '{}', headers: { 'x-hearth-token': token } });
    assert.equal((await status.json()).value.unlocked, true);
  });

  await step('saw no CSP violation and no page error', async () => {
    assert.deepEqual(
      watchers.flatMap((w) => w.problems()),
      [],
    );
  });
}
