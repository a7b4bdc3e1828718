/* global document, getComputedStyle -- evaluate and waitForFunction callbacks run in the browser */
// Files (issue 9), browser mode: a new profile adds a whole folder (a PDF made here with a unique word inside,
// and a text file in a subfolder) through the folder picker, finds the PDF by that word (text extracted in a
// worker), previews it drawn by pdf.js, is told about a duplicate, then attaches the PDF to a vault login from
// its Attachments slot and opens it from there. Then a text file is replaced, its old content restored from
// Versions, saved as a plaintext copy (exact bytes, after the warning), renamed (F2), moved, tagged and listed by
// tag, trashed (Delete) and restored; and a file attached to a batch opens from the batch's Attachments slot.
// Screenshots: e2e/artifacts/files-*.png (light, dark, 800×600).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createProfile } from './lib/flows.mjs';

const PASSWORD = 'lantern orchard velvet harbour 52';
/** One word that appears nowhere but inside the PDF's text (not in its name). */
const WORD = 'quillfeatherzephyr';
const LETTER_V1 = 'Dear Sam, the first draft of this letter.';
const LETTER_V2 = 'Dear Sam, a second draft I will take back.';
const pad = (n) => String(n).padStart(2, '0');
const now = new Date();
/** Today on this computer's calendar (a batch made today). */
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

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
  const letter = path.join(tmp, 'letter.txt');
  const letterV2 = path.join(tmp, 'letter-v2.txt');
  const invoice = path.join(tmp, 'delivery-note.txt');
  writeFileSync(letter, `${LETTER_V1}\n`);
  writeFileSync(letterV2, `${LETTER_V2}\n`);
  writeFileSync(invoice, 'Delivery: 12 l oat milk, lot OAT-7, from Hill Farm.\n');
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

    await step('replaces a file, lists the old content under Versions and restores it', async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('navigation', { name: 'Folders' }).getByRole('button', { name: 'All files' }).click();
      await page.getByLabel('Files to add').setInputFiles(letter);
      await page.getByTestId('files-toast').getByText('Added 1 file').waitFor();
      // A single added file lands selected, its text in the preview.
      await page.getByTestId('preview-title').getByText('letter.txt').waitFor();
      await page.getByTestId('text-preview').getByText(LETTER_V1).waitFor();
      await page.getByLabel('New content').setInputFiles(letterV2);
      await page.getByTestId('files-toast').getByText('Replaced “letter.txt”; the old content is under Versions').waitFor();
      await page.getByTestId('text-preview').getByText(LETTER_V2).waitFor();
      const versions = page.getByTestId('file-versions');
      await page.getByRole('heading', { name: 'Versions (1)' }).waitFor();
      assert.equal(await versions.getByRole('listitem').count(), 1);
      await screenshot('files-08-versions');
      await versions.getByRole('button', { name: 'Restore' }).click();
      await page.getByTestId('files-toast').getByText('Restored the earlier version').waitFor();
      // The old bytes are current again; what was current is now the one version.
      await page.getByTestId('text-preview').getByText(LETTER_V1).waitFor();
      await page.getByRole('heading', { name: 'Versions (1)' }).waitFor();
      assert.equal(await page.getByTestId('text-preview').getByText(LETTER_V2).count(), 0);
    });

    await step('"Save a copy" asks first, then downloads the exact bytes (current and an earlier version)', async () => {
      await page.getByRole('button', { name: 'Save a copy…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save a copy of “letter.txt”?' });
      await dialog.getByText('The copy is not encrypted').waitFor();
      await screenshot('files-09-save-copy');
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save unencrypted copy' }).click()]);
      assert.equal(download.suggestedFilename(), 'letter.txt');
      assert.deepEqual(readFileSync(await download.path()), readFileSync(letter));
      await page
        .getByTestId('files-toast')
        .getByText(/Copy downloaded as “letter\.txt”/)
        .waitFor();
      // The earlier version (v2 since the restore) has its own Save button.
      await page
        .getByTestId('file-versions')
        .getByRole('button', { name: /^Save a copy of the version from / })
        .click();
      const again = page.getByRole('dialog', { name: 'Save a copy of “letter.txt”?' });
      const [old] = await Promise.all([page.waitForEvent('download'), again.getByRole('button', { name: 'Save unencrypted copy' }).click()]);
      assert.deepEqual(readFileSync(await old.path()), readFileSync(letterV2));
    });

    await step('renames with F2 and moves the file into another folder', async () => {
      await page.getByTestId('file-row').filter({ hasText: 'letter.txt' }).click();
      await page.keyboard.press('F2');
      const rename = page.getByRole('dialog', { name: 'Rename file' });
      // The name is selected without its extension, so typing replaces just the name.
      await page.keyboard.type('letter to Sam');
      assert.equal(await rename.getByLabel('Name').inputValue(), 'letter to Sam.txt');
      await rename.getByRole('button', { name: 'Rename' }).click();
      await rename.waitFor({ state: 'detached' });
      await page.getByTestId('preview-title').getByText('letter to Sam.txt').waitFor();
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).waitFor();
      await page.getByRole('button', { name: 'Move…' }).click();
      const move = page.getByRole('dialog', { name: 'Move “letter to Sam.txt”' });
      await move.getByLabel('Folder').selectOption({ label: 'Trip / notes' });
      await screenshot('files-10-move');
      await move.getByRole('button', { name: 'Move' }).click();
      await move.waitFor({ state: 'detached' });
      await page.getByTestId('files-toast').getByText('Moved “letter to Sam.txt”').waitFor();
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).waitFor({ state: 'detached' });
      await page.getByTestId('preview-title').getByText('letter to Sam.txt').waitFor();
      await page
        .getByTestId('file-preview')
        .getByText(/· Trip \/ notes$/)
        .waitFor();
      await page.getByTestId('folder-row').filter({ hasText: 'Trip' }).dblclick();
      await page.getByTestId('folder-row').filter({ hasText: 'notes' }).dblclick();
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).waitFor();
    });

    await step('adds a tag and filters the list by it', async () => {
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).click();
      await page.getByLabel('Add a tag').fill('correspondence');
      await page.getByLabel('Add a tag').press('Enter');
      await page.getByRole('button', { name: 'Remove tag correspondence' }).waitFor();
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).getByText('correspondence').waitFor();
      await page.getByRole('navigation', { name: 'Folders' }).getByRole('button', { name: '# correspondence' }).click();
      await page.getByRole('heading', { name: 'Tag: correspondence' }).waitFor();
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).waitFor();
      assert.deepEqual(
        await page
          .getByTestId('file-row')
          .allInnerTexts()
          .then((rows) => rows.map((r) => r.split('\n')[0])),
        ['letter to Sam.txt'],
      );
      await screenshot('files-11-tag');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('files-12-tag-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    });

    await step('moves a file to the trash with Delete and restores it from Trash', async () => {
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).click();
      await page.keyboard.press('Delete');
      await page.getByTestId('files-toast').getByText('Moved “letter to Sam.txt” to the trash').waitFor();
      await page.getByRole('heading', { name: 'No files with this tag' }).waitFor();
      await page.getByRole('navigation', { name: 'Folders' }).getByRole('button', { name: 'Trash' }).click();
      await page.getByRole('heading', { name: 'Trash', exact: true }).waitFor();
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).click();
      await page.getByTestId('file-preview').getByText('In the trash since').waitFor();
      // A trashed file's tag is not offered: it would list live files only, not this one.
      assert.equal(await page.getByRole('navigation', { name: 'Folders' }).getByRole('button', { name: '# correspondence' }).count(), 0);
      await screenshot('files-13-trash');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('files-14-trash-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByTestId('file-preview').getByRole('button', { name: 'Restore', exact: true }).click();
      await page.getByTestId('files-toast').getByText('Restored “letter to Sam.txt”').waitFor();
      await page.getByRole('heading', { name: 'The trash is empty' }).waitFor();
      // Back where it was, with its tag and its content.
      await page.getByRole('navigation', { name: 'Folders' }).getByRole('button', { name: 'All files' }).click();
      await page.getByTestId('folder-row').filter({ hasText: 'Trip' }).dblclick();
      await page.getByTestId('folder-row').filter({ hasText: 'notes' }).dblclick();
      await page.getByTestId('file-row').filter({ hasText: 'letter to Sam.txt' }).click();
      await page.getByRole('button', { name: 'Remove tag correspondence' }).waitFor();
      await page.getByTestId('text-preview').getByText(LETTER_V1).waitFor();
    });

    await step('attaches a file to a batch from its Attachments slot and opens it from there', async () => {
      await page.keyboard.press('Control+4');
      await page.getByTestId('batches-page').waitFor();
      await page.getByRole('button', { name: 'New product' }).click();
      const product = page.getByRole('dialog', { name: 'New product' });
      await product.getByLabel('Name').fill('Oat milk');
      await product.getByLabel('Unit').fill('l');
      await product.getByLabel('Shelf life (days)').fill('20');
      await product.getByRole('button', { name: 'Add product' }).click();
      await product.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'New batch' }).click();
      const batch = page.getByRole('dialog', { name: 'New batch' });
      await batch.getByLabel('Product', { exact: true }).selectOption({ label: 'Oat milk' });
      await batch.getByLabel('Lot').fill('OAT-7');
      await batch.getByLabel(/^Quantity/).fill('12');
      await batch.getByLabel('Production date').fill(today);
      await batch.getByRole('button', { name: 'Add batch' }).click();
      await batch.waitFor({ state: 'detached' });
      const detail = page.getByTestId('batch-detail');
      await detail.getByRole('heading', { name: 'Oat milk' }).waitFor();
      const slot = detail.getByTestId('attachments-slot');
      await slot.getByText('No files attached.').waitFor();
      await slot.getByLabel('File to attach').setInputFiles(invoice);
      const attachment = slot.getByTestId('attachment').filter({ hasText: 'delivery-note.txt' });
      await attachment.waitFor();
      await attachment.scrollIntoViewIfNeeded();
      await screenshot('files-15-batch-attachment');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot('files-16-batch-attachment-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await attachment.click();
      await page.getByTestId('files-page').waitFor();
      await page.getByTestId('preview-title').getByText('delivery-note.txt').waitFor();
      await page.getByTestId('text-preview').getByText('12 l oat milk, lot OAT-7').waitFor();
      // Stored under Attachments/ in Files, and linked back to the batch.
      await page.getByRole('navigation', { name: 'Folder path' }).getByRole('button', { name: 'Attachments' }).waitFor();
      await page
        .getByTestId('linked-from')
        .getByRole('button', { name: /Oat milk, lot OAT-7/ })
        .click();
      await page.getByTestId('batch-detail').getByRole('heading', { name: 'Oat milk' }).waitFor();
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
