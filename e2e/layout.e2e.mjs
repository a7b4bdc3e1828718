/* global document, getComputedStyle, window -- evaluate callbacks run in the browser */
// Layout (issue 7): every main screen at 800×600, 1280×800 and 1920×1080 — no sideways scroll in the
// page or its panes, the primary actions on screen, folders and tags reachable. Screenshots go to
// e2e/artifacts/layout-<screen>-<width>x<height>.png.
import assert from 'node:assert/strict';
import { createProfile, expectShell, expectUnlock, openSettings, unlockWithPassword } from './lib/flows.mjs';
import { clipboardSteps } from './lib/layout-clipboard.mjs';
import { shortcutSteps, smallDefectSteps } from './lib/layout-ux.mjs';

const PASSWORD = 'lantern orchard pewter comet meadow 52';
const PROFILE = 'Layout owner';
export const SIZES = [
  [800, 600],
  [1280, 800],
  [1920, 1080],
];

/** Elements wider than they show: the document, and every pane (main, nav, aside, sections, dialogs, tab panels). */
async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const out = [];
    const doc = document.scrollingElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    const panes = document.querySelectorAll(
      'main, nav, aside, section, header, [role="dialog"], [role="tabpanel"], [role="listbox"], [data-testid$="-page"], [data-testid="batch-detail"]',
    );
    for (const el of panes) {
      if (el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      // Text cut with an ellipsis on purpose is not a pane overflowing.
      if (style.textOverflow === 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const name = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.className.slice(0, 40);
        out.push(`${el.tagName.toLowerCase()}[${name}] ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return out;
  });
}

/** True when the locator's box lies inside the viewport (after scrolling it into view when `scroll`). */
async function onScreen(locator, scroll) {
  await locator.waitFor({ state: 'visible' });
  if (scroll) await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const { width, height } = await locator.page().evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
}

/**
 * At each size: screenshot, no sideways scroll, `visible` actions on screen as they are, `reachable`
 * ones on screen once scrolled to (long forms may scroll down, never sideways).
 */
export async function checkScreen(page, screenshot, screen, { visible = [], reachable = [], sizes = SIZES, before } = {}) {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    if (before) await before(width);
    await page.waitForTimeout(150);
    await screenshot(`layout-${screen}-${width}x${height}`, page);
    assert.deepEqual(await sidewaysOverflow(page), [], `${screen} at ${width}×${height} scrolls sideways`);
    for (const [name, locator] of visible) assert.ok(await onScreen(locator(), false), `${screen} at ${width}×${height}: "${name}" is off screen`);
    for (const [name, locator] of reachable) assert.ok(await onScreen(locator(), true), `${screen} at ${width}×${height}: "${name}" cannot be reached`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Opens a folder or tag filter whether the vault shows it in its sidebar or in the compact menu. */
export async function openVaultGroup(page, group, name) {
  const nav = page.getByRole('navigation', { name: 'Vault filters' });
  const direct = nav.getByRole('button', { name: new RegExp(`^${name}`) });
  if (await direct.isVisible()) await direct.click();
  else {
    await nav.getByRole('button', { name: group }).click();
    await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  }
  await page.getByTestId('list-title').getByText(name, { exact: true }).waitFor();
}

async function newLogin(page, { title, username, password, folder, tag }) {
  await page.getByRole('button', { name: 'New item' }).first().click();
  await page.getByRole('menuitem', { name: 'Login' }).click();
  await page.getByTestId('title-input').fill(title);
  await page.getByTestId('username-input').fill(username);
  await page.getByTestId('password-input').fill(password);
  if (folder) await page.getByLabel('Folder').fill(folder);
  if (tag) {
    await page.getByPlaceholder('Add a tag').fill(tag);
    await page.getByPlaceholder('Add a tag').press('Enter');
  }
  await page.getByTestId('save-item').click();
  await page.getByTestId('item-editor').waitFor({ state: 'detached' });
}

export async function run({ url, origin, token, screenshot, step, newPage }) {
  const page = await newPage({ colorScheme: 'light', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

  await step('create-profile screen fits from 800×600 up', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    await checkScreen(page, screenshot, 'create-profile', { reachable: [['Create profile', () => page.getByRole('button', { name: 'Create profile' })]] });
    await createProfile(page, PROFILE, PASSWORD);
  });

  await step('vault list and detail fit, New item on screen, folders and tags reachable', async () => {
    await newLogin(page, { title: 'Bank', username: 'alice@bank.test', password: 'correct horse 1', folder: 'Finance', tag: 'banking' });
    await newLogin(page, { title: 'Mail', username: 'alice@mail.test', password: 'correct horse 2' });
    await page.getByRole('listbox').getByRole('option', { name: /Bank/ }).click();
    await page.getByTestId('detail-title').getByText('Bank', { exact: true }).waitFor();
    await checkScreen(page, screenshot, 'vault', {
      visible: [
        ['New item', () => page.getByRole('button', { name: 'New item' }).first()],
        ['Search vault', () => page.getByRole('searchbox', { name: 'Search vault' })],
        ['Copy password', () => page.getByRole('button', { name: 'Copy password' })],
      ],
    });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await openVaultGroup(page, 'Folders', 'Finance');
      await openVaultGroup(page, 'Tags', 'banking');
      await page.getByRole('listbox').getByRole('option', { name: /Bank/ }).waitFor();
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page
      .getByRole('navigation', { name: 'Vault filters' })
      .getByRole('button', { name: /^All items/ })
      .click();
  });

  await step('vault import wizard fits', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into the vault' });
    await checkScreen(page, screenshot, 'vault-import', { reachable: [['Preview', () => dialog.getByTestId('import-preview')]] });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  await clipboardSteps({ page, step, origin, token });

  await step('batches dashboard, list, detail and print dialog fit; New batch and Print labels on screen', async () => {
    await page.keyboard.press('Control+4');
    await page.getByTestId('batches-page').waitFor();
    const newBatch = () => page.getByRole('button', { name: 'New batch' }).first();
    await checkScreen(page, screenshot, 'batches-dashboard', { visible: [['New batch', newBatch]] });

    await page.getByRole('button', { name: 'New product' }).first().click();
    const product = page.getByRole('dialog', { name: 'New product' });
    await product.getByLabel('Name').fill('Smoked ham with a rather long product name for the label');
    await product.getByLabel('Unit').fill('kg');
    await product.getByLabel('Shelf life (days)').fill('6');
    await product.getByRole('button', { name: 'Add product' }).click();
    await product.waitFor({ state: 'detached' });
    await newBatch().click();
    const form = page.getByRole('dialog', { name: 'New batch' });
    await checkScreen(page, screenshot, 'batches-form', { reachable: [['Add batch', () => form.getByRole('button', { name: 'Add batch' })]] });
    await form.getByLabel('Lot').fill('HAM-LONG-LOT-NUMBER-0001');
    await form.getByLabel(/^Quantity/).fill('10');
    await form.getByRole('button', { name: 'Add batch' }).click();
    await form.waitFor({ state: 'detached' });
    const detail = page.getByTestId('batch-detail');
    await detail.waitFor();
    await checkScreen(page, screenshot, 'batches-detail', {
      visible: [['New batch', newBatch]],
      reachable: [['Print labels', () => page.getByRole('button', { name: 'Print labels…' })]],
    });

    await page.getByRole('button', { name: 'Print labels…' }).click();
    const print = page.getByRole('dialog', { name: 'Print labels' });
    await checkScreen(page, screenshot, 'batches-print', {
      reachable: [['Download PDF', () => print.getByRole('button', { name: /Download PDF|Print/ }).last()]],
    });
    await page.keyboard.press('Escape');
    await print.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Batches' }).click();
    await page.getByTestId('batch-table').waitFor();
    await checkScreen(page, screenshot, 'batches-list', { visible: [['New batch', newBatch]] });
    await page.getByRole('tab', { name: 'Products' }).click();
    await checkScreen(page, screenshot, 'batches-products', { visible: [['New batch', newBatch]] });
    await page.getByRole('tab', { name: 'Waste' }).click();
    await checkScreen(page, screenshot, 'batches-waste', { visible: [['New batch', newBatch]] });
    await page.getByRole('tab', { name: 'Labels & QR' }).click();
    await checkScreen(page, screenshot, 'batches-settings', { visible: [['New batch', newBatch]] });
    await page.getByRole('tab', { name: 'Today' }).click();
    await page.getByTestId('count-fresh').waitFor();
    await checkScreen(page, screenshot, 'batches-dashboard-stocked', { visible: [['New batch', newBatch]] });
  });

  await smallDefectSteps({ page, step, screenshot });

  await step('settings fit', async () => {
    await openSettings(page);
    await checkScreen(page, screenshot, 'settings', { reachable: [['Change password', () => page.getByRole('button', { name: 'Change password…' })]] });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
  });

  await shortcutSteps({ page, step });

  await step('unlock screen and profile picker fit', async () => {
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expectUnlock(page);
    await checkScreen(page, screenshot, 'unlock', { reachable: [['Unlock', () => page.getByRole('button', { name: 'Unlock', exact: true })]] });
    await page.getByRole('button', { name: 'Switch profile' }).click();
    await page.getByRole('heading', { name: 'Choose a profile' }).waitFor();
    await checkScreen(page, screenshot, 'picker', { reachable: [['the profile', () => page.getByRole('button', { name: new RegExp(PROFILE) })]] });
    await page.getByRole('button', { name: new RegExp(PROFILE) }).click();
    await unlockWithPassword(page, PASSWORD);
    await expectShell(page, PROFILE);
  });
}
