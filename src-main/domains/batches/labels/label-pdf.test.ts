import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AppErrorCode } from '../../../../src-shared/ipc/result';
import { placeQr, qrForLabel } from './label-layout';
import { renderLabelsPdf, type LabelContent, type RenderLabelsOptions } from './label-pdf';
import {
  cropTo,
  darkBounds,
  decodeQrConcatenated,
  inflate,
  pdfText,
  rasterise,
  readGray,
  splitConcatenated,
  type GrayImage,
  type RectMm,
} from './label-pdf.test-helpers';
import { cellsPerPage, LABEL_TEMPLATES, labelCells, LabelTemplateId, type LabelTemplate } from './label-templates';
import { MM_PER_PT } from './label-text';
import { QR_QUIET_ZONE_MODULES } from '../../../lib/qr';

const GS1_LINK = 'https://shop.example/01/09521234543213/10/AB%2F12?11=261120&17=261127';
const LONG_URL = `https://shop.example/batches/${'q1w2e3r4t5'.repeat(20)}?src=label`;
const MULTI_LINE = 'Batch AB/12\nŻurek 500 ml\nUse by 2026-11-27';
const SHORT_ID = 'HEARTH:BATCH:01J9ZK3M';
const PAYLOADS = [GS1_LINK, LONG_URL, MULTI_LINE, SHORT_ID];
const TOLERANCE_MM = 0.5;

const label = (qrPayload: string, i: number): LabelContent => ({
  qrPayload,
  productName: ['Rye bread', 'Milk 1 l', 'Zurek soup', 'Eggs'][i % 4] ?? 'Item',
  lot: `L-${i + 1}`,
  productionDate: `2026-11-1${i}`,
  arrivalDate: `2026-11-2${i}`,
  expiryDate: `2026-12-0${i + 1}`,
  dateType: i % 2 === 0 ? 'use-by' : 'best-before',
  price: `€${i + 2}.50`,
  allergens: 'milk, gluten',
  shopName: 'Corner Deli',
});

interface Placement {
  page: number;
  cell: RectMm;
  payload: string;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-labels-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pageSizesMm(pdf: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => ({ width: p.getWidth() * MM_PER_PT, height: p.getHeight() * MM_PER_PT }));
}

/** Where each label copy should land, from the template geometry (rolls: one label per page). */
function expectedPlacements(template: LabelTemplate, payloads: string[], copies: number, startAt: number, pages: { height: number }[]): Placement[] {
  const expanded = payloads.flatMap((p) => Array.from({ length: copies }, () => p));
  if (template.kind === 'roll') {
    return expanded.map((payload, page) => ({
      page,
      payload,
      cell: { x: template.marginLeftMm, y: 0, width: template.labelWidthMm, height: pages[page]?.height ?? 0 },
    }));
  }
  return labelCells(template, expanded.length, startAt).map((c, i) => ({
    page: c.page,
    payload: expanded[i] ?? '',
    cell: { x: c.xMm, y: c.yMm, width: c.widthMm, height: c.heightMm },
  }));
}

const shift = (r: RectMm, offset: { x: number; y: number }): RectMm => ({ ...r, x: r.x + offset.x, y: r.y + offset.y });

/** Finds the QR of one label in the rendered page and checks it against the cell and the layout. */
function checkQrGeometry(img: GrayImage, template: LabelTemplate, placement: Placement, offset: { x: number; y: number }): RectMm {
  const cell = shift(placement.cell, offset);
  const qr = placeQr(template, qrForLabel(template, placement.payload).size);
  const symbolMm = qr.modules * qr.moduleMm;
  const quietMm = QR_QUIET_ZONE_MODULES * qr.moduleMm;
  // Within the symbol-plus-quiet-zone square nothing but the symbol may be dark.
  const found = darkBounds(img, { x: cell.x + qr.boxXMm, y: cell.y + qr.boxYMm, width: qr.boxMm, height: qr.boxMm });
  if (!found) throw new Error(`no QR found for ${placement.payload} on page ${placement.page}`);
  expect(Math.abs(found.x - (cell.x + qr.xMm))).toBeLessThan(TOLERANCE_MM);
  expect(Math.abs(found.y - (cell.y + qr.yMm))).toBeLessThan(TOLERANCE_MM);
  expect(Math.abs(found.width - symbolMm)).toBeLessThan(TOLERANCE_MM);
  expect(Math.abs(found.height - symbolMm)).toBeLessThan(TOLERANCE_MM);
  expect(found.width).toBeGreaterThanOrEqual(12 - TOLERANCE_MM);
  // The symbol and its quiet zone sit inside the label.
  expect(found.x - quietMm).toBeGreaterThanOrEqual(cell.x - 0.1);
  expect(found.y - quietMm).toBeGreaterThanOrEqual(cell.y - 0.1);
  expect(found.x + found.width + quietMm).toBeLessThanOrEqual(cell.x + cell.width + 0.1);
  expect(found.y + found.height + quietMm).toBeLessThanOrEqual(cell.y + cell.height + 0.1);
  if (template.layout === 'side') {
    // QR left and vertically centred, text to its right.
    expect(Math.abs(found.y + found.height / 2 - (cell.y + cell.height / 2))).toBeLessThan(TOLERANCE_MM);
    const textX = cell.x + qr.boxXMm + qr.boxMm;
    expect(darkBounds(img, { x: textX, y: cell.y, width: cell.x + cell.width - textX, height: cell.height })).not.toBeNull();
  } else {
    // QR centred across the paper, text below it.
    expect(Math.abs(found.x + found.width / 2 - (template.pageWidthMm / 2 + offset.x))).toBeLessThan(TOLERANCE_MM);
    const textY = cell.y + qr.boxYMm + qr.boxMm;
    expect(darkBounds(img, { x: cell.x, y: textY, width: cell.width, height: cell.y + cell.height - textY })).not.toBeNull();
  }
  return found;
}

/** Renders, decodes and measures every page; returns the QR boxes found, in placement order. */
async function verifyJob(name: string, labels: LabelContent[], opts: RenderLabelsOptions): Promise<{ boxes: RectMm[]; pdf: Uint8Array }> {
  const template = LABEL_TEMPLATES[opts.template];
  const offset = opts.offsetMm ?? { x: 0, y: 0 };
  const pdf = await renderLabelsPdf(labels, opts);
  const sizes = await pageSizesMm(pdf);
  const placements = expectedPlacements(
    template,
    labels.map((l) => l.qrPayload),
    opts.copies ?? 1,
    opts.startAt ?? 1,
    sizes,
  );
  const pngs = await rasterise(pdf, dir, name);
  expect(pngs).toHaveLength(Math.max(...placements.map((p) => p.page)) + 1);
  const boxes: RectMm[] = [];
  for (const [page, png] of pngs.entries()) {
    const onPage = placements.filter((p) => p.page === page);
    const expected = onPage.map((p) => p.payload);
    const [decoded, img] = await Promise.all([decodeQrConcatenated(png), readGray(png)]);
    expect(splitConcatenated(decoded, expected), `page ${page + 1} decoded ${JSON.stringify(decoded)}`).not.toBeNull();
    boxes.push(...onPage.map((placement) => checkQrGeometry(img, template, placement, offset)));
    // Decoding each label's cell alone proves each payload sits in its own cell, in order.
    const alone = await Promise.all(
      onPage.map(async (placement, i) => {
        const crop = path.join(dir, `${name}-p${page}-c${i}.png`);
        await cropTo(img, shift(placement.cell, offset), crop);
        return decodeQrConcatenated(crop);
      }),
    );
    expect(alone).toEqual(expected);
    if (template.kind === 'sheet') {
      const used = new Set(onPage.map((p) => `${p.cell.x}:${p.cell.y}`));
      for (const c of labelCells(template, cellsPerPage(template), 1)) {
        if (used.has(`${c.xMm}:${c.yMm}`)) continue;
        const area = inflate({ x: c.xMm, y: c.yMm, width: c.widthMm, height: c.heightMm }, -0.3);
        expect(darkBounds(img, shift(area, offset)), `cell at ${c.xMm},${c.yMm} on page ${page + 1} is blank`).toBeNull();
      }
    }
  }
  return { boxes, pdf };
}

const START_AT: Record<LabelTemplateId, number> = {
  'avery-l7160': 2,
  'avery-l7163': 13,
  'avery-5160': 29,
  'thermal-50x30': 1,
  'thermal-40x30': 1,
  'roll-58mm': 1,
};

describe('renderLabelsPdf', () => {
  it.each(LabelTemplateId.options)('prints readable QRs and text in the right cells on %s', async (id) => {
    const template = LABEL_TEMPLATES[id];
    const labels = PAYLOADS.map(label);
    const { pdf } = await verifyJob(id, labels, { template: id, startAt: START_AT[id] });
    for (const size of await pageSizesMm(pdf)) {
      expect(Math.abs(size.width - template.pageWidthMm)).toBeLessThan(0.1);
      if (template.kind === 'roll') expect(size.height).toBeGreaterThanOrEqual(template.pageHeightMm - 0.1);
      else expect(Math.abs(size.height - template.pageHeightMm)).toBeLessThan(0.1);
    }
    const text = (await pdfText(dir, id)).replace(/\s+/g, ' ');
    for (const l of labels) {
      for (const part of [l.productName, `Lot ${l.lot}`, `Prod. ${l.productionDate}`, l.arrivalDate, l.expiryDate ?? '', l.price ?? '']) {
        expect(text).toContain(part);
      }
    }
    expect(text).toContain('Use by 2026-12-01');
  });

  it('cuts each roll label to the length of its content', async () => {
    const base = label(SHORT_ID, 0);
    const { pdf } = await verifyJob('roll-length', [base, { ...base, qrPayload: LONG_URL }], { template: 'roll-58mm' });
    const [short, long] = await pageSizesMm(pdf);
    if (!short || !long) throw new Error('expected two roll pages');
    const roll = LABEL_TEMPLATES['roll-58mm'];
    const qrGrowth = placeQr(roll, qrForLabel(roll, LONG_URL).size).boxMm - placeQr(roll, qrForLabel(roll, SHORT_ID).size).boxMm;
    expect(Math.abs(long.height - short.height - qrGrowth)).toBeLessThan(0.2);
    // The page ends just below the last line of text: a padding, not a blank tail.
    const img = await readGray(path.join(dir, 'roll-length-1.png'));
    const ink = darkBounds(img, { x: 0, y: 0, width: roll.pageWidthMm, height: short.height });
    const blankTail = short.height - ((ink?.y ?? 0) + (ink?.height ?? 0));
    expect(blankTail).toBeGreaterThan(roll.print.paddingMm - 0.2);
    expect(blankTail).toBeLessThan(roll.print.paddingMm + 1.5);
  });

  it('shifts everything by the calibration offset', async () => {
    const labels = [label(GS1_LINK, 0)];
    const plain = await verifyJob('offset-0', labels, { template: 'avery-l7160', startAt: 5 });
    const shifted = await verifyJob('offset-1', labels, { template: 'avery-l7160', startAt: 5, offsetMm: { x: 1.5, y: -1 } });
    const [a] = plain.boxes;
    const [b] = shifted.boxes;
    expect(Math.abs((b?.x ?? 0) - (a?.x ?? 0) - 1.5)).toBeLessThan(TOLERANCE_MM);
    expect(Math.abs((b?.y ?? 0) - (a?.y ?? 0) + 1)).toBeLessThan(TOLERANCE_MM);
  });

  it('repeats each label for its copies and carries on onto the next sheet', async () => {
    const labels = [label(GS1_LINK, 0), label(MULTI_LINE, 2)];
    await verifyJob('copies', labels, { template: 'avery-l7160', startAt: 19, copies: 3 });
  });

  it('prints text outside WinAnsi as close Latin text instead of failing', async () => {
    const odd: LabelContent = {
      ...label(MULTI_LINE, 0),
      productName: 'Żurek – ß ✓',
      lot: 'Ł-7',
      allergens: 'Sellerie 🌾, Senf',
      shopName: 'Łódź Deli',
    };
    await verifyJob('winansi', [odd], { template: 'thermal-50x30' });
    const text = (await pdfText(dir, 'winansi')).replace(/\s+/g, ' ');
    for (const part of ['Zurek – ß ?', 'Lot L-7', 'Lódz Deli', 'Sellerie ?, Senf']) expect(text).toContain(part);
  });

  it('sets title, creator and producer and nothing else identifying', async () => {
    const doc = await PDFDocument.load(await renderLabelsPdf([label(SHORT_ID, 0)], { template: 'avery-5160' }), { updateMetadata: false });
    expect(doc.getTitle()).toBe('Batch labels – Avery 5160 (US Letter, 30 labels 2⅝ × 1 in)');
    expect(doc.getCreator()).toBe('Hearth');
    expect(doc.getProducer()).toBe('Hearth');
    expect(doc.getAuthor()).toBeUndefined();
  });
});

describe('renderLabelsPdf input checks', () => {
  const one = [label(SHORT_ID, 0)];
  const rejects = async (labels: LabelContent[], opts: RenderLabelsOptions, code: AppErrorCode) => {
    const error: unknown = await renderLabelsPdf(labels, opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error instanceof AppError ? error.code : undefined).toBe(code);
  };

  it('rejects copies outside 1–1000', async () => {
    await rejects(one, { template: 'avery-l7160', copies: 0 }, 'INVALID_INPUT');
    await rejects(one, { template: 'avery-l7160', copies: 1001 }, 'INVALID_INPUT');
    await rejects(one, { template: 'avery-l7160', copies: 1.5 }, 'INVALID_INPUT');
  });

  it('rejects a start position outside the sheet', async () => {
    await rejects(one, { template: 'avery-l7160', startAt: 22 }, 'INVALID_INPUT');
    await rejects(one, { template: 'avery-l7160', startAt: 0 }, 'INVALID_INPUT');
    await rejects(one, { template: 'thermal-50x30', startAt: 2 }, 'INVALID_INPUT');
  });

  it('answers TOO_LARGE for more than 10,000 labels or an oversized payload', async () => {
    await rejects(
      Array.from({ length: 11 }, () => one[0] ?? label(SHORT_ID, 0)),
      { template: 'avery-l7160', copies: 1000 },
      'TOO_LARGE',
    );
    await rejects(
      Array.from({ length: 10_001 }, () => one[0] ?? label(SHORT_ID, 0)),
      { template: 'avery-l7160' },
      'TOO_LARGE',
    );
    await rejects(one, { template: 'avery-l7160', copiesEach: [1, 2] }, 'INVALID_INPUT');
    await rejects([label('x'.repeat(301), 0)], { template: 'avery-l7160' }, 'TOO_LARGE');
  });

  it('rejects bad labels, unknown stock, no labels and wild offsets', async () => {
    await rejects([{ ...label(SHORT_ID, 0), productName: '' }], { template: 'avery-l7160' }, 'INVALID_INPUT');
    await rejects(one, { template: 'avery-l9999' as LabelTemplateId }, 'INVALID_INPUT');
    await rejects([], { template: 'avery-l7160' }, 'INVALID_INPUT');
    await rejects(one, { template: 'avery-l7160', offsetMm: { x: 50, y: 0 } }, 'INVALID_INPUT');
  });
});
