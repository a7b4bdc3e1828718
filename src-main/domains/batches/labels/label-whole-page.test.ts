import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLabelsPdf } from './label-pdf';
import { decodeQrSymbols, rasteriseAt } from './label-pdf.test-helpers';
import { realisticLabels } from './label-whole-page.test-data';
import { cellsPerPage, LABEL_TEMPLATES, LabelTemplateId } from './label-templates';

/**
 * Whole-page scans (issue 7): a full sheet of distinct labels is read by one zbarimg pass over the page,
 * as a shop scanning a printed sheet or a phone photo of it would, not label by label.
 */

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-whole-page-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pdfs = new Map<LabelTemplateId, Promise<{ pdf: Uint8Array; expected: string[] }>>();
/** One job per template: two full sheets on sheet stock (the second continues the job), a run of 30 otherwise. */
function job(id: LabelTemplateId): Promise<{ pdf: Uint8Array; expected: string[] }> {
  let made = pdfs.get(id);
  if (!made) {
    const template = LABEL_TEMPLATES[id];
    const labels = realisticLabels(template.kind === 'sheet' ? 2 * cellsPerPage(template) : 30, id.length * 1000);
    made = renderLabelsPdf(labels, { template: id }).then((pdf) => ({ pdf, expected: labels.map((l) => l.qrPayload).sort() }));
    pdfs.set(id, made);
  }
  return made;
}

async function decodesEveryLabel(id: LabelTemplateId, dpi: number): Promise<void> {
  const { pdf, expected } = await job(id);
  expect(new Set(expected).size).toBe(expected.length);
  const decoded = await decodeQrSymbols(await rasteriseAt(pdf, dir, id, dpi));
  expect(decoded.sort(), `${id} at ${dpi} dpi`).toEqual(expected);
}

describe('labels scanned a whole page at a time', () => {
  const cases = LabelTemplateId.options.flatMap((id) => [300, 200].map((dpi) => ({ id, dpi })));
  for (const { id, dpi } of cases) {
    it(`every distinct label on ${id} decodes from whole pages at ${dpi} dpi`, () => decodesEveryLabel(id, dpi));
  }
});
