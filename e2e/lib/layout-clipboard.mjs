// Issue 7, item 1: in browser mode "Copy" writes this computer's clipboard (the page writes the one
// value it fetched, like a reveal), the one-time code replaces what was there, and the copy is
// cleared after the delay only if the clipboard still holds it. Main's in-memory clipboard stays unused.
import assert from 'node:assert/strict';
import { openSettings } from './flows.mjs';

const OTPAUTH = 'otpauth://totp/Bank:alice?secret=JBSWY3DPEHPK3PXP&issuer=Bank';
const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function mainClipboardDigest(origin, token) {
  const res = await fetch(`${origin}/api/test/clipboard`, { headers: { 'x-hearth-token': token } });
  assert.equal(res.status, 200, 'the test hook is not available (HEARTH_TEST_HOOKS=1)');
  return (await res.json()).value.sha256;
}

export async function clipboardSteps({ page, step, origin, token }) {
  const toast = () => page.getByTestId('vault-toast');

  await step('clipboard: copy writes the real clipboard; the one-time code replaces the username', async () => {
    await openSettings(page);
    await page.getByLabel('Clear copied secrets after').fill('5');
    await page.getByLabel('Clear copied secrets after').press('Enter');
    await page.getByLabel('Saved').waitFor();
    await page.keyboard.press('Alt+1');
    await page.getByRole('listbox').getByRole('option', { name: /Bank/ }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByTestId('totp-input').fill(OTPAUTH);
    await page.getByTestId('save-item').click();
    await page.getByTestId('item-editor').waitFor({ state: 'detached' });
    await page.getByTestId('totp-code').waitFor();

    await page.getByRole('button', { name: 'Copy username' }).click();
    await toast().getByText('Username copied').waitFor();
    assert.equal(await readClipboard(page), 'alice@bank.test');

    const before = await page.getByTestId('totp-code').getAttribute('data-code');
    await page.getByRole('button', { name: 'Copy one-time code' }).click();
    await toast().getByText('Code copied — clears in 5 s').waitFor();
    const code = await readClipboard(page);
    // Main computes the copied code at the click; if the period rolled over just then, the screen
    // catches up at its next refresh. The clipboard must hold the code shown before the click or
    // the one the screen shows within the next two seconds.
    let shown = before;
    const until = Date.now() + 2_000;
    while (code !== shown && Date.now() < until) {
      await page.waitForTimeout(100);
      shown = await page.getByTestId('totp-code').getAttribute('data-code');
    }
    assert.equal(code, shown, `the clipboard holds ${JSON.stringify(code)}, not the code on screen (${before}, then ${shown})`);

    await page.getByRole('button', { name: 'Copy password' }).click();
    await toast().getByText('Password copied — clears in 5 s').waitFor();
    assert.equal(await readClipboard(page), 'correct horse 1');
    assert.equal(await mainClipboardDigest(origin, token), null, 'main copied into its in-memory clipboard');
  });

  await step('clipboard: cleared after the delay if unchanged, left alone if the user copied since', async () => {
    // The delay is 5 s (set above): within 10 s the clipboard must be empty.
    const copiedAt = Date.now();
    assert.equal(await readClipboard(page), 'correct horse 1');
    let cleared = 0;
    while (Date.now() - copiedAt < 10_000 && !cleared) {
      await page.waitForTimeout(250);
      if ((await readClipboard(page)) === '') cleared = Date.now() - copiedAt;
    }
    assert.ok(cleared > 0, 'the copied password was not cleared');
    await toast().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Copy password' }).click();
    await toast().getByText('Password copied — clears in 5 s').waitFor();
    await page.evaluate(() => navigator.clipboard.writeText('my own note'));
    assert.equal(await readClipboard(page), 'my own note');
    await page.waitForTimeout(6_000);
    assert.equal(await readClipboard(page), 'my own note', 'Hearth cleared something it did not copy');
  });
}
