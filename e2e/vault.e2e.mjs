/* global document -- waitForFunction callbacks run in the browser */
// Vault: create a login with a generated password, search it, copy it (browser mode: into the real
// clipboard, fetched like a reveal of that one field), re-prompt on reveal, TOTP from an otpauth URI,
// Bitwarden JSON import with its dry-run preview, trash and restore, lock and unlock; screenshots of list, detail, editor, import and health
// in light and dark.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { fixturePath } from '../src-main/test/fixtures.ts';
import { createProfile, expectShell, lockWithButton, unlockWithPassword } from './lib/flows.mjs';

const PASSWORD = 'juniper falcon marble tundra quill 31';
const WRONG_PASSWORD = 'not my master password';
const OTPAUTH = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
/** The import steps, and the later steps over the imported items, use sample files from other apps. */
export const needsFixtures = true;
const bitwardenExport = () => fixturePath('vault', 'bitwarden', 'keepassxc-bitwarden_export.json');
const BITWARDEN_TITLES = ['Login Name', 'My Secure Note', 'Card Name', 'My Identity'];
// Password-protected (PBKDF2) Bitwarden export; its password is "a" (fixtures README).
const bitwardenEncryptedExport = () => fixturePath('vault', 'bitwarden', 'keepassxc-bitwarden_encrypted_export.json');

/** RFC 6238 (SHA-1, 6 digits, 30 s) for the codes around `now`, to check what the UI shows. */
function totpCodesAround(base32, now = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const codeAt = (counter) => {
    const msg = Buffer.alloc(8);
    msg.writeBigUInt64BE(BigInt(counter));
    const mac = createHmac('sha1', key).update(msg).digest();
    const offset = mac[mac.length - 1] & 0x0f;
    return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
  };
  const step = Math.floor(now / 30_000);
  return [codeAt(step - 1), codeAt(step), codeAt(step + 1)];
}

/**
 * The main-side clipboard is observable only with HEARTH_TEST_HOOKS=1 (`GET /api/test/clipboard`
 * answers the SHA-256 of the last copy, never the value). When the runner's server was started
 * without it, this spec starts its own hooked server on a fresh profile root.
 */
async function hookedServer(serverEnv, given) {
  if (serverEnv.HEARTH_TEST_HOOKS === '1') return { ...given, stop: async () => undefined };
  const home = mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-vault-'));
  const child = spawn(process.execPath, [path.join(root, 'bin/hearth.mjs'), 'serve', '--port', '0'], {
    cwd: root,
    env: { ...serverEnv, HEARTH_HOME: home, HEARTH_TEST_HOOKS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!done) child.kill('SIGKILL');
    }
    rmSync(home, { recursive: true, force: true });
  };
  let stdout = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hooked hearth serve did not start')), 30_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    exited.then(() => reject(new Error('hooked hearth serve exited early')));
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), stop };
}

/** Records the body of every `/api/call/*` response the renderer receives. */
function recordResponses(page) {
  const bodies = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith('/api/call/')) return;
    const channel = pathname.slice('/api/call/'.length);
    bodies.push(
      response.text().then(
        (text) => ({ channel, text, at: Date.now() }),
        () => ({ channel, text: '', at: Date.now() }),
      ),
    );
  });
  return { all: () => Promise.all(bodies) };
}

const list = (page) => page.getByRole('listbox');
const option = (page, title) => list(page).getByRole('option', { name: new RegExp(title) });

async function selectItem(page, title) {
  await option(page, title).click();
  await page.getByTestId('detail-title').getByText(title, { exact: true }).waitFor();
}

async function openFilter(page, name) {
  await page
    .getByRole('navigation', { name: 'Vault filters' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
}

async function saveItem(page) {
  await page.getByTestId('save-item').click();
  await page.getByTestId('item-editor').waitFor({ state: 'detached' });
}

export async function run({ serverEnv, url: givenUrl, origin: givenOrigin, token: givenToken, screenshot, step, newPage, watchers }) {
  const server = await hookedServer(serverEnv, { url: givenUrl, origin: givenOrigin, token: givenToken });
  try {
    await scenario({ ...server, screenshot, step, newPage, watchers });
  } finally {
    await server.stop();
  }
}

async function scenario({ url, origin, token, screenshot, step, newPage, watchers }) {
  const page = await newPage({ colorScheme: 'light' });
  const responses = recordResponses(page);
  let generated = '';
  let savedAt = 0;

  await step('creates a profile and shows the empty vault', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    await createProfile(page, 'Vault owner', PASSWORD);
    await page.getByRole('heading', { name: 'Your vault is empty' }).waitFor();
  });

  await step('creates a login with a generated password', async () => {
    await page.getByRole('button', { name: 'New item' }).first().click();
    await page.getByRole('menuitem', { name: 'Login' }).click();
    await page.getByTestId('title-input').fill('ACME Mail');
    await page.getByTestId('username-input').fill('alice@acme.test');
    await page.getByRole('textbox', { name: 'Website 1' }).fill('https://mail.acme.test');
    await page.getByRole('button', { name: 'Generate a password' }).click();
    const output = page.getByTestId('generated-value');
    await page.waitForFunction(() => (document.querySelector('[data-testid="generated-value"]')?.textContent ?? '…') !== '…');
    await page.getByRole('checkbox', { name: '!@#$%' }).uncheck();
    await page.waitForFunction(() => /^[A-Za-z0-9]{20}$/.test(document.querySelector('[data-testid="generated-value"]')?.textContent ?? ''));
    generated = (await output.textContent()) ?? '';
    assert.match(generated, /^[A-Za-z0-9]{20}$/);
    await page.getByRole('button', { name: 'Use password' }).click();
    assert.equal(await page.getByTestId('password-input').inputValue(), generated);
    await page.waitForFunction(() => (document.querySelector('[role="meter"]')?.getAttribute('aria-valuetext') ?? '') !== '');
    await screenshot('vault-editor');
    savedAt = Date.now();
    await saveItem(page);
    await page.getByTestId('detail-title').getByText('ACME Mail', { exact: true }).waitFor();
    await option(page, 'ACME Mail').waitFor();
  });

  await step('searches instantly, ranked in main, with keyboard navigation', async () => {
    await page.getByRole('button', { name: 'New item' }).first().click();
    await page.getByRole('menuitem', { name: 'Secure note' }).click();
    await page.getByTestId('title-input').fill('Wi-Fi at home');
    await page.getByTestId('secure-note-input').fill('Network: hearth-home\nKey: correct horse battery staple');
    await saveItem(page);
    await page.waitForFunction(() => document.querySelectorAll('[role="listbox"] [role="option"]').length === 2);

    await page.keyboard.press('Control+f');
    await page.keyboard.type('acme');
    await page.waitForFunction(() => document.querySelectorAll('[role="listbox"] [role="option"]').length === 1);
    await option(page, 'ACME Mail').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('detail-title').getByText('ACME Mail', { exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Search vault' }).fill('zzz-nothing');
    await page.getByRole('heading', { name: 'No matches' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search vault' }).fill('alice@acme');
    await option(page, 'ACME Mail').waitFor();
    await page.getByRole('searchbox', { name: 'Search vault' }).press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('[role="listbox"] [role="option"]').length === 2);
  });

  await step('copies the password into the real clipboard (browser mode: one field, like a reveal)', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await selectItem(page, 'ACME Mail');
    await page.getByRole('button', { name: 'Copy password' }).click();
    await page.getByTestId('vault-toast').getByText('Password copied — clears in 20 s').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), generated, 'the clipboard does not hold the password');
    // Main's in-memory clipboard was not used: a copy there never reaches this computer's clipboard.
    const clip = await fetch(`${origin}/api/test/clipboard`, { headers: { 'x-hearth-token': token } });
    assert.equal(clip.status, 200, 'the test hook is not available');
    assert.equal((await clip.json()).value.sha256, null, 'main copied into its own clipboard in browser mode');

    const bodies = await responses.all();
    assert.equal(bodies.filter((b) => b.channel === 'vault:copy').length, 0);
    // After saving, only the one reveal behind that copy carried the password.
    const leaks = bodies.filter((b) => b.text.includes(generated) && b.channel !== 'vault:generate');
    assert.deepEqual(
      leaks.map((b) => b.channel),
      ['vault:reveal'],
      "a response other than the copy's reveal carried the password",
    );
    assert.ok(bodies.filter((b) => b.at > savedAt).length > 5, 'expected list/get/reveal responses after saving');
    assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(generated), 'the password is on screen');
    await screenshot('vault-detail');
  });

  await step('asks for the master password on reveal of a re-prompt item (wrong, then right)', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('switch', { name: 'Ask for the master password' }).click();
    await saveItem(page);
    await page.getByText('Asks for master password').waitFor();

    await page.getByRole('button', { name: 'Reveal password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enter your master password' });
    await dialog.waitFor();
    await dialog.getByLabel('Master password').fill(WRONG_PASSWORD);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByRole('alert').getByText('Wrong password').waitFor();
    assert.equal(await dialog.getByLabel('Master password').inputValue(), '', 'the wrong password stays in the field');
    await dialog.getByLabel('Master password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('revealed-value').textContent(), generated);
    await page.getByRole('button', { name: 'Hide password' }).click();
    await page.getByTestId('revealed-value').waitFor({ state: 'detached' });
  });

  await step('adds TOTP from an otpauth URI and shows a 6-digit code with a countdown', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByTestId('totp-input').fill(OTPAUTH);
    // The item asks for the master password: editing it (which could turn that off) asks too.
    await page.getByTestId('save-item').click();
    const prompt = page.getByRole('dialog', { name: 'Enter your master password' });
    await prompt.getByLabel('Master password').fill(PASSWORD);
    await prompt.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('item-editor').waitFor({ state: 'detached' });
    const code = page.getByTestId('totp-code');
    await code.waitFor();
    const shown = (await code.getAttribute('data-code')) ?? '';
    assert.match(shown, /^\d{6}$/);
    assert.ok(totpCodesAround('JBSWY3DPEHPK3PXP').includes(shown), `code ${shown} is not the RFC 6238 code for the secret`);
    await page.getByRole('timer').waitFor();
    const bodies = await responses.all();
    assert.ok(!bodies.some((b) => b.text.includes('JBSWY3DPEHPK3PXP')), 'the TOTP seed reached the renderer');
  });

  await step('imports a Bitwarden JSON export after a dry-run preview', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into the vault' });
    await dialog.getByTestId('import-file').setInputFiles(bitwardenExport());
    await dialog.getByText('keepassxc-bitwarden_export.json').waitFor();
    await dialog.getByTestId('import-preview').click();
    const preview = dialog.getByTestId('import-preview-result');
    await preview.waitFor();
    await preview.getByText('Items found').waitFor();
    for (const title of BITWARDEN_TITLES) await dialog.getByTestId('import-sample').getByText(title, { exact: true }).waitFor();
    await screenshot('vault-import-preview');
    await dialog.getByTestId('import-commit').click();
    await dialog.getByTestId('import-done').getByText('Imported 4 items').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    for (const title of BITWARDEN_TITLES) await option(page, title).waitFor();
    await page
      .getByRole('navigation', { name: 'Vault filters' })
      .getByRole('button', { name: /^My Folder/ })
      .waitFor();
    await selectItem(page, 'Login Name');
    await page.getByText('myusername@gmail.com').first().waitFor();
    await screenshot('vault-list');
  });

  await step('asks for the password of an encrypted Bitwarden export, then imports it', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into the vault' });
    await dialog.getByTestId('import-file').setInputFiles(bitwardenEncryptedExport());
    await dialog.getByTestId('import-preview').click();
    await dialog.getByRole('alert').getByText('password protected', { exact: false }).waitFor();
    await dialog.getByLabel('File password', { exact: true }).fill('wrong');
    await dialog.getByTestId('import-preview').click();
    await dialog.getByRole('alert').getByText('does not open this Bitwarden export', { exact: false }).waitFor();
    await dialog.getByLabel('File password', { exact: true }).fill('a');
    await dialog.getByTestId('import-preview').click();
    await dialog.getByTestId('import-sample').getByText('KeePassXC', { exact: true }).waitFor();
    await dialog.getByTestId('import-commit').click();
    await dialog.getByTestId('import-done').getByText('Imported 1 item').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await option(page, 'KeePassXC').waitFor();
  });

  await step('exports an encrypted Hearth file after the master-password re-prompt', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the vault' });
    await dialog.getByLabel('File password', { exact: true }).fill(PASSWORD);
    await dialog.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Export' }).click();
    await dialog.getByText('different password for the export file', { exact: false }).waitFor();
    await dialog.getByLabel('File password', { exact: true }).fill('a separate export passphrase');
    await dialog.getByLabel('Master password', { exact: true }).fill(WRONG_PASSWORD);
    await dialog.getByRole('button', { name: 'Export' }).click();
    await dialog.getByRole('alert').getByText('Wrong password').waitFor();
    await dialog.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    assert.match(download.suggestedFilename(), /^hearth-vault-\d{4}-\d{2}-\d{2}\.hearth$/);
    const bytes = readFileSync(await download.path());
    assert.ok(bytes.length > 100, 'the export is empty');
    assert.ok(!bytes.includes(Buffer.from(generated)), 'the encrypted export holds the password in clear');
    await dialog.getByTestId('export-done').getByText('Exported 7 items').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  await step('shows password health grouped by reason and opens an item from it', async () => {
    // A second login with the imported login's weak password: reused and weak.
    await page.getByRole('button', { name: 'New item' }).first().click();
    await page.getByRole('menuitem', { name: 'Login' }).click();
    await page.getByTestId('title-input').fill('Old forum');
    await page.getByTestId('username-input').fill('alice');
    await page.getByTestId('password-input').fill('mypassword');
    await saveItem(page);

    await openFilter(page, 'Password health');
    const health = page.getByTestId('health-view');
    await health.waitFor();
    await health.getByRole('region', { name: 'Reused passwords' }).getByRole('button', { name: 'Old forum' }).waitFor();
    await health.getByRole('region', { name: 'Weak passwords' }).waitFor();
    await screenshot('vault-health');
    await health.getByRole('region', { name: 'Weak passwords' }).getByRole('button', { name: 'Login Name' }).click();
    await page.getByTestId('detail-title').getByText('Login Name', { exact: true }).waitFor();
  });

  await step('adds TOTP to an existing login from an image of its QR code (decoded in main)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-qr-'));
    try {
      const image = path.join(dir, 'forum-totp.png');
      await QRCode.toFile(image, 'otpauth://totp/Forum:alice?secret=GEZDGNBVGY3TQOJQ&issuer=Forum', { width: 240 });
      await openFilter(page, 'All items');
      await selectItem(page, 'Old forum');
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByTestId('totp-qr-file').setInputFiles(image);
      await page.getByTestId('vault-toast').getByText('TOTP added from the QR image').waitFor();
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.getByTestId('item-editor').waitFor({ state: 'detached' });
      const shown = (await page.getByTestId('totp-code').getAttribute('data-code')) ?? '';
      assert.ok(totpCodesAround('GEZDGNBVGY3TQOJQ').includes(shown), `code ${shown} does not match the QR's secret`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  await step('moves an item to the trash and restores it', async () => {
    await openFilter(page, 'All items');
    await selectItem(page, 'Card Name');
    await page.getByTestId('trash-item').click();
    await option(page, 'Card Name').waitFor({ state: 'detached' });
    await openFilter(page, 'Trash');
    await selectItem(page, 'Card Name');
    await page.getByText('Items are deleted forever after 30 days', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('heading', { name: 'Trash is empty' }).waitFor();
    await openFilter(page, 'All items');
    await option(page, 'Card Name').waitFor();
  });

  await step('looks right in the dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await selectItem(page, 'ACME Mail');
    await page.getByTestId('totp-code').waitFor();
    await screenshot('vault-detail-dark');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Generate a password' }).click();
    await page.getByTestId('generator').waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="generated-value"]')?.textContent ?? '…') !== '…');
    await screenshot('vault-editor-dark');
    await page.keyboard.press('Escape');
    await page.getByTestId('generator').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByTestId('item-editor').waitFor({ state: 'detached' });
    await openFilter(page, 'Password health');
    await page.getByTestId('health-view').waitFor();
    await screenshot('vault-health-dark');
    await openFilter(page, 'All items');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await step('locks and unlocks; the items are back', async () => {
    await lockWithButton(page);
    await unlockWithPassword(page, PASSWORD);
    await expectShell(page, 'Vault owner');
    for (const title of ['ACME Mail', 'Wi-Fi at home', 'Old forum', 'KeePassXC', ...BITWARDEN_TITLES]) await option(page, title).waitFor();
    await selectItem(page, 'ACME Mail');
    await page.getByTestId('totp-code').waitFor();
  });

  await step('saw no CSP violation and no page error', async () => {
    assert.deepEqual(
      watchers.flatMap((w) => w.problems()),
      [],
    );
  });
}
