/* global document, getComputedStyle -- evaluate and waitForFunction callbacks run in the browser */
// Files (issue 9), browser mode: a new profile adds a whole folder (a PDF made here with a unique word inside,
// and a text file in a subfolder) through the folder picker, finds the PDF by that word (text extracted in a
// worker), previews it drawn by pdf.js, is told about a duplicate, then attaches the PDF to a vault login from
// its Attachments slot and opens it from there. Screenshots: e2e/artifacts/files-*.png (light, dark, 800×600).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createProfile } from './lib/flows.mjs';

const PASSWORD = 'lantern orchard velvet harbour 52';
/** One word that appears nowhere but inside the PDF's text (not in its name). */
const WORD = 'quillfeatherzephyr';

async function makePdf(file) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Travel insurance policy', { x: 50, y: 780, size: 22, font });
  page.drawText(`Policy reference ${WORD} covers the whole trip.`, { x: 50, y: 740, size: 13, font });
  doc.addPage([595, 842]).drawText('Page two: conditions.', { x: 50, y: 780, size: 13, font });
  writeFileSync(file, await doc.save());
}

/** Panes wider than they show (the same check as layout.e2e.mjs), ellipsis text excepted. */
function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const out = [];
    const doc = document.scrollingElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const el of document.querySelectorAll('main, nav, aside, section, header, [role="dialog"], [role="listbox"], [data-testid$="-page"]')) {
      if (el.clientWidth === 0 || getComputedStyle(el).textOverflow === 'ellipsis') continue;
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? ''}] ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
}

/** True once the first preview canvas has drawn something that is not blank paper. */
const canvasDrawn = () => {
  const canvas = document.querySelector('[data-testid="pdf-preview"] canvas');
  if (!canvas || canvas.width === 0) return false;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) return true;
  return false;
};

export async function run({ url, screenshot, step, newPage, watchers }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-files-e2e-'));
  const trip = path.join(tmp, 'Trip');
  mkdirSync(path.join(trip, 'notes'), { recursive: true });
  await makePdf(path.join(trip, 'insurance.pdf'));
  writeFileSync(path.join(trip, 'notes', 'packing.txt'), 'Passport, charger, <b>not bold</b>, sunscreen.\n');
  const page = await newPage({ colorScheme: 'light', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const search = () => page.getByPlaceholder(/Search names and contents/);

  try {
    await step('opens Files (Ctrl+6) in a new profile', async () => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      await createProfile(page, 'Traveller', PASSWORD);
      await page.keyboard.press('Control+6');
      await page.getByTestId('files-page').waitFor();
      await page.getByRole('heading', { name: 'No files yet' }).waitFor();
      await screenshot('files-01-empty');
    });

    await step('adds a whole folder, keeping its subfolders', async () => {
      await page.getByLabel('Folder to add').setInputFiles(trip);
      await page.getByTestId('files-toast').getByText('Added 2 files').waitFor({ timeout: 30_000 });
      await page.getByTestId('folder-row').filter({ hasText: 'Trip' }).dblclick();
      await page.getByTestId('file-row').filter({ hasText: 'insurance.pdf' }).waitFor();
      await page.getByTestId('folder-row').filter({ hasText: 'notes' }).dblclick();
      await page.getByTestId('file-row').filter({ hasText: 'packing.txt' }).click();
      // Text files show as text: the markup in it is characters, not elements.
      await page.getByTestId('text-preview').getByText('<b>not bold</b>', { exact: false }).waitFor();
      assert.equal(await page.locator('[data-testid="text-preview"] b').count(), 0);
      await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'Trip' }).click();
      await page.getByTestId('file-row').filter({ hasText: 'insurance.pdf' }).waitFor();
    });

    await step('says so when the same content is added again', async () => {
      await page.getByLabel('Files to add').setInputFiles(path.join(trip, 'insurance.pdf'));
      await page.getByTestId('files-toast').getByText('“insurance.pdf” was already in Files, so it was not added again').waitFor();
    });

    await step('finds the PDF by a word inside it and previews its pages', async () => {
      const hit = page.getByTestId('search-hit').filter({ hasText: 'insurance.pdf' });
      // The text is extracted by a background job just after the add: search again until it is in.
      for (let i = 0; i < 30 && !(await hit.isVisible()); i += 1) {
        await search().fill('');
        await search().fill(WORD);
        await hit.waitFor({ timeout: 1000 }).catch(() => undefined);
      }
      await hit.locator('mark').getByText(WORD, { exact: true }).waitFor();
      await hit.click();
      await page.getByTestId('preview-title').getByText('insurance.pdf').waitFor();
      await page.waitForFunction(canvasDrawn, null, { timeout: 30_000 });
      assert.equal(await page.locator('[data-testid="pdf-preview"] canvas').count(), 2);
      await screenshot('files-02-search-preview');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('files-03-search-preview-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    });

    await step('attaches the PDF to a vault login and opens it from there', async () => {
      await page.keyboard.press('Control+1');
      await page.getByRole('heading', { name: 'Your vault is empty' }).waitFor();
      await page.getByRole('button', { name: 'New item' }).first().click();
      await page.getByRole('menuitem', { name: 'Login' }).click();
      await page.getByTestId('title-input').fill('Travel insurer');
      await page.getByTestId('save-item').click();
      await page.getByTestId('detail-title').getByText('Travel insurer', { exact: true }).waitFor();
      const slot = page.getByTestId('attachments-slot');
      await slot.getByText('No files attached.').waitFor();
      await slot.getByRole('button', { name: 'Link existing file' }).click();
      const picker = page.getByRole('dialog', { name: 'Link a file from Files' });
      await picker.getByRole('searchbox').fill(WORD);
      await picker.getByRole('button', { name: /insurance\.pdf/ }).click();
      await slot.getByTestId('attachment').filter({ hasText: 'insurance.pdf' }).waitFor();
      await screenshot('files-04-vault-attachment');
      await slot.getByTestId('attachment').filter({ hasText: 'insurance.pdf' }).click();
      await page.getByTestId('files-page').waitFor();
      await page.getByTestId('preview-title').getByText('insurance.pdf').waitFor();
      await page
        .getByTestId('linked-from')
        .getByRole('button', { name: /Travel insurer/ })
        .waitFor();
      await page.waitForFunction(canvasDrawn, null, { timeout: 30_000 });
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('files-05-linked-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      // And back: "Linked from" opens the login.
      await page
        .getByTestId('linked-from')
        .getByRole('button', { name: /Travel insurer/ })
        .click();
      await page.getByTestId('detail-title').getByText('Travel insurer', { exact: true }).waitFor();
    });

    await step('fits 800×600 without sideways scrolling', async () => {
      await page.setViewportSize({ width: 800, height: 600 });
      await page.keyboard.press('Control+6');
      await page.getByTestId('files-page').waitFor();
      await page.getByTestId('preview-title').getByText('insurance.pdf').waitFor();
      await screenshot('files-06-small-preview');
      await page.getByRole('button', { name: 'Back to the list' }).click();
      await page.getByTestId('file-row').first().waitFor();
      await screenshot('files-07-small-list');
      for (const shot of ['list', 'preview']) {
        if (shot === 'preview') await page.getByTestId('file-row').filter({ hasText: 'insurance.pdf' }).click();
        assert.deepEqual(await sidewaysOverflow(page), [], `${shot} at 800×600`);
      }
    });

    await step('saw no CSP violation and no page error', async () => {
      assert.deepEqual(
        watchers.flatMap((w) => w.problems()),
        [],
      );
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
