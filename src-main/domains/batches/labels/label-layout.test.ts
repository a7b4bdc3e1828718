import { PDFDocument, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/ipc/result';
import { labelTextLines, type LabelContent } from './label-content';
import { MIN_QR_SYMBOL_MM, placeQr } from './label-layout';
import { cellsPerPage, LABEL_TEMPLATES, labelCells, LabelTemplateId, withRollLength } from './label-templates';
import { fitLine, MM_PER_PT, toWinAnsi, type MeasureText } from './label-text';
import { fitTextBlock } from './label-text-fit';
import { QR_MAX_PAYLOAD_BYTES, QR_QUIET_ZONE_MODULES, qrMatrix } from '../../../lib/qr';

const INCH = 25.4;
const errorCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not-an-AppError';
  }
  return undefined;
};

describe('label-templates', () => {
  it('places Avery sheets per the published specs', () => {
    // Avery: L7160 top 15.15, side 7.25, pitch 66.04 × 38.1; L7163 top 15.15, side 4.65, pitch 101.6 × 38.1;
    // 5160 top 0.5″, side 3/16″, pitch 2.75″ × 1″.
    const spec = [
      { id: 'avery-l7160', page: [210, 297], n: 21, first: [7.25, 15.15], last: [7.25 + 2 * 66.04, 15.15 + 6 * 38.1], size: [63.5, 38.1] },
      { id: 'avery-l7163', page: [210, 297], n: 14, first: [4.65, 15.15], last: [4.65 + 101.6, 15.15 + 6 * 38.1], size: [99.1, 38.1] },
      {
        id: 'avery-5160',
        page: [8.5 * INCH, 11 * INCH],
        n: 30,
        first: [0.1875 * INCH, 0.5 * INCH],
        last: [(0.1875 + 5.5) * INCH, 9.5 * INCH],
        size: [2.625 * INCH, INCH],
      },
    ] as const;
    for (const s of spec) {
      const t = LABEL_TEMPLATES[s.id];
      expect([t.pageWidthMm, t.pageHeightMm]).toEqual(s.page);
      const cells = labelCells(t, s.n, 1);
      expect(cells.every((c) => c.page === 0)).toBe(true);
      expect(cells[0]).toMatchObject({ xMm: s.first[0], yMm: s.first[1], widthMm: s.size[0], heightMm: s.size[1] });
      expect(cells.at(-1)?.xMm).toBeCloseTo(s.last[0], 6);
      expect(cells.at(-1)?.yMm).toBeCloseTo(s.last[1], 6);
      // The grid sits on the page with a margin on every side.
      for (const c of cells) {
        expect(c.xMm + c.widthMm).toBeLessThan(t.pageWidthMm - 3);
        expect(c.yMm + c.heightMm).toBeLessThan(t.pageHeightMm - 12);
      }
    }
  });

  it('makes thermal pages exactly one label and rolls 58 mm wide with a 48 mm print area', () => {
    expect(labelCells(LABEL_TEMPLATES['thermal-50x30'], 2, 1)).toEqual([
      { page: 0, xMm: 0, yMm: 0, widthMm: 50, heightMm: 30 },
      { page: 1, xMm: 0, yMm: 0, widthMm: 50, heightMm: 30 },
    ]);
    expect(labelCells(LABEL_TEMPLATES['thermal-40x30'], 1, 1)).toEqual([{ page: 0, xMm: 0, yMm: 0, widthMm: 40, heightMm: 30 }]);
    const roll = withRollLength(LABEL_TEMPLATES['roll-58mm'], 61.3);
    expect([roll.pageWidthMm, roll.pageHeightMm]).toEqual([58, 61.375]);
    expect(labelCells(roll, 1, 1)).toEqual([{ page: 0, xMm: 5, yMm: 0, widthMm: 48, heightMm: 61.375 }]);
  });

  it('starts at the given position and runs onto the next sheet', () => {
    const t = LABEL_TEMPLATES['avery-l7160'];
    const cells = labelCells(t, 4, 20);
    expect(cells.map((c) => c.page)).toEqual([0, 0, 1, 1]);
    expect(cells[0]).toMatchObject({ xMm: 7.25 + 66.04, yMm: 15.15 + 6 * 38.1 });
    expect(cells[2]).toMatchObject({ xMm: 7.25, yMm: 15.15 });
    expect(cells[3]).toMatchObject({ xMm: 7.25 + 66.04, yMm: 15.15 });
  });

  it('rejects a start position that is not on the sheet', () => {
    for (const id of LabelTemplateId.options) {
      const t = LABEL_TEMPLATES[id];
      expect(errorCode(() => labelCells(t, 1, cellsPerPage(t) + 1))).toBe('INVALID_INPUT');
      expect(errorCode(() => labelCells(t, 1, 0))).toBe('INVALID_INPUT');
    }
  });
});

describe('qr-matrix', () => {
  it('builds the level M symbol that qrcode builds, and is blank outside it', () => {
    const text = 'https://shop.example/01/09521234543213/10/AB%2F12?11=261120&17=261127';
    const m = qrMatrix(text);
    const reference = QRCode.create(text, { errorCorrectionLevel: 'M' });
    expect(m.size).toBe(reference.modules.size);
    expect(m.size).toBe(17 + 4 * m.version);
    // Finder pattern corners are dark; beyond the edge is quiet zone.
    expect([m.isDark(0, 0), m.isDark(m.size - 1, 0), m.isDark(0, m.size - 1)]).toEqual([true, true, true]);
    expect([m.isDark(-1, 0), m.isDark(m.size, 3), m.isDark(7, 7)]).toEqual([false, false, false]);
  });

  it(`takes ${QR_MAX_PAYLOAD_BYTES} UTF-8 bytes and answers TOO_LARGE beyond`, () => {
    expect(qrMatrix('a'.repeat(QR_MAX_PAYLOAD_BYTES)).size).toBeGreaterThan(21);
    expect(errorCode(() => qrMatrix('a'.repeat(QR_MAX_PAYLOAD_BYTES + 1)))).toBe('TOO_LARGE');
    expect(errorCode(() => qrMatrix('ż'.repeat(151)))).toBe('TOO_LARGE');
    expect(errorCode(() => qrMatrix(''))).toBe('INVALID_INPUT');
  });
});

describe('label-layout', () => {
  it('snaps modules to whole printer dots, aims for 0.5 mm modules and keeps every QR at least 12 mm inside its label', () => {
    for (const id of LabelTemplateId.options) {
      const t = LABEL_TEMPLATES[id];
      for (let version = 1; version <= 13; version += 1) {
        const modules = 17 + 4 * version;
        const qr = placeQr(t, modules);
        const dots = qr.moduleMm / (t.print.fineDotMm ?? t.print.dotMm);
        expect(Math.abs(dots - Math.round(dots)), `${id} v${version}`).toBeLessThan(1e-6);
        expect(qr.moduleMm).toBeGreaterThanOrEqual(t.print.minModuleMm - 1e-9);
        expect(modules * qr.moduleMm).toBeGreaterThanOrEqual(MIN_QR_SYMBOL_MM);
        expect(qr.boxMm).toBeCloseTo((modules + 2 * QR_QUIET_ZONE_MODULES) * qr.moduleMm, 9);
        // The symbol keeps out of the padding; its blank quiet zone may use the padding but stays on the label.
        const symbolMm = modules * qr.moduleMm;
        expect(qr.xMm).toBeGreaterThanOrEqual(t.print.paddingMm - 1e-9);
        expect(qr.xMm + symbolMm).toBeLessThanOrEqual(t.labelWidthMm - t.print.paddingMm + 1e-9);
        expect(qr.boxXMm).toBeGreaterThanOrEqual(0);
        expect(qr.boxXMm + qr.boxMm).toBeLessThanOrEqual(t.labelWidthMm + 1e-9);
        if (t.layout === 'side') {
          expect(qr.yMm).toBeGreaterThanOrEqual(t.print.paddingMm - t.print.dotMm / 2 - 1e-9);
          expect(qr.yMm + symbolMm).toBeLessThanOrEqual(t.labelHeightMm - t.print.paddingMm + t.print.dotMm / 2 + 1e-9);
          expect(qr.boxYMm).toBeGreaterThanOrEqual(0);
          expect(qr.boxYMm + qr.boxMm).toBeLessThanOrEqual(t.labelHeightMm + 1e-9);
        }
      }
    }
    // A version 4 GS1 link gets 3 dots (0.375 mm) at 203 dpi on 40 × 30 mm, 4 dots on 50 × 30; a typical
    // 100-byte link (version 6) gets 0.508 mm (2/100″) on every office sheet, the 1″ Avery 5160 included.
    expect(placeQr(LABEL_TEMPLATES['thermal-40x30'], 33).moduleMm).toBe(0.375);
    expect(placeQr(LABEL_TEMPLATES['thermal-50x30'], 33).moduleMm).toBe(0.5);
    for (const id of ['avery-l7160', 'avery-l7163', 'avery-5160'] as const) expect(placeQr(LABEL_TEMPLATES[id], 41).moduleMm).toBeCloseTo(0.508, 9);
  });
});

describe('label text', () => {
  it('transliterates text Helvetica cannot show instead of failing', async () => {
    expect(toWinAnsi('Żurek – ß ✓')).toBe('Zurek – ß ?');
    expect(toWinAnsi('Łódź  sauce\n(ﬁne)\u200b 🍞')).toBe('Lódz sauce (fine) ?');
    expect(toWinAnsi('Crème brûlée €3')).toBe('Crème brûlée €3');
    const doc = await PDFDocument.create();
    const helvetica = await doc.embedFont(StandardFonts.Helvetica);
    let everything = '';
    for (let cp = 0; cp < 0x3000; cp += 1) if (cp < 0xd800 || cp > 0xdfff) everything += String.fromCodePoint(cp);
    everything += '🍞👍🏽日本語';
    expect(() => helvetica.encodeText(toWinAnsi(everything))).not.toThrow();
  });

  // Monospace stand-in: 0.5 mm per character per 10 pt.
  const measure: MeasureText = (text, sizePt) => [...text].length * 0.05 * sizePt;

  it('takes the first wording that fits, then shrinks, then truncates with an ellipsis', () => {
    const box = { widthMm: 8, sizePt: 10, minPt: 6, bold: false };
    expect(fitLine(['Best before 2026-11-27', 'BB 2026-11-27'], box, measure)).toEqual({ text: 'BB 2026-11-27', sizePt: 10 });
    expect(fitLine(['Best before 2026-11-27'], box, measure)).toEqual({ text: 'Best before 2026-11-27', sizePt: 7.2 });
    const long = 'Allergens: milk, gluten, sesame, celery';
    const cut = fitLine([long], box, measure);
    expect(cut.sizePt).toBe(6);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.text.slice(0, -1))).toBe(true);
    expect(measure(cut.text, 6, false)).toBeLessThanOrEqual(8);
    expect(cut.text).toBe('Allergens: milk, gluten,…');
  });

  it('uses one body size and drops the shop name before cutting anything else', () => {
    const content: LabelContent = {
      qrPayload: 'x',
      productName: 'Rye bread',
      lot: 'L-1',
      productionDate: '2026-11-10',
      arrivalDate: '2026-11-20',
      expiryDate: '2026-12-01',
      dateType: 'use-by',
      price: '€2.50',
      allergens: 'milk, gluten',
      shopName: 'Corner Deli',
    };
    const specs = labelTextLines(content);
    expect(specs.map((s) => s.variants[0])).toEqual([
      'Rye bread',
      'Lot L-1',
      'Prod. 2026-11-10',
      'Arrived 2026-11-20',
      'Use by 2026-12-01',
      '€2.50',
      'Allergens: milk, gluten',
      'Corner Deli',
    ]);
    const roomy = fitTextBlock(specs, { widthMm: 40, heightMm: 100, minPt: 6, maxPt: 9, measure });
    expect(roomy.map((l) => l.sizePt)).toEqual([11.25, 9, 9, 9, 9, 9, 9, 7.65]);
    const tight = fitTextBlock(specs, { widthMm: 40, heightMm: 18.5, minPt: 6, maxPt: 9, measure });
    expect(tight.map((l) => l.text)).toEqual(specs.slice(0, -1).map((s) => s.variants[0]));
    expect(new Set(tight.slice(1).map((l) => l.sizePt))).toEqual(new Set([6]));
    expect(tight.reduce((sum, l) => sum + l.sizePt * 1.18 * MM_PER_PT, 0)).toBeLessThanOrEqual(18.5);
  });
});
