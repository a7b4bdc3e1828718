import { describe, expect, it } from 'vitest';
import { parseDigitalLink } from './gs1-digital-link';
import { catchInvalid } from './batches.test-helpers';
import { buildQrPayload, buildTextPayload, DEFAULT_QR_SETTINGS, type QrBatch, type QrProduct, QrSettings, resolveQrMode, urlTemplateError } from './qr-payload';

const MINCE: QrProduct = { name: 'Beef mince 500 g', gtin: '5901234123457', dateType: 'use-by', shelfLifeDays: 7 };
const BATCH: QrBatch = { lot: 'L2611-07', productionDate: '2026-11-20', arrivalDate: '2026-11-21' };
const GS1 = { mode: 'gs1', domain: 'shop.example' } as const;

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('qr-payload', () => {
  describe('text mode', () => {
    it('lists product, lot, production, arrival and use-by date on separate lines', () => {
      expect(buildQrPayload({ mode: 'text' }, BATCH, MINCE)).toBe(
        ['Beef mince 500 g', 'Lot: L2611-07', 'Produced: 2026-11-20', 'Arrived: 2026-11-21', 'Use by: 2026-11-27'].join('\n'),
      );
    });

    it('labels a best-before product and prefers an explicit expiry date', () => {
      const payload = buildTextPayload({ ...BATCH, expiryDate: '2026-12-24' }, { ...MINCE, dateType: 'best-before' });
      expect(payload.split('\n').at(-1)).toBe('Best before: 2026-12-24');
    });

    it('omits the lot and date lines when there is nothing to print', () => {
      const payload = buildTextPayload({ ...BATCH, lot: '  ' }, { name: 'Sourdough', dateType: 'best-before' });
      expect(payload).toBe('Sourdough\nProduced: 2026-11-20\nArrived: 2026-11-21');
    });

    it('keeps a product name on one line, so it cannot forge a date line', () => {
      const payload = buildTextPayload(BATCH, { ...MINCE, name: 'Ham\nUse by: 2030-01-01\r\u2028x' });
      const lines = payload.split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[0]).toBe('Ham Use by: 2030-01-01 x');
      expect(lines.filter((l) => l.startsWith('Use by:'))).toEqual(['Use by: 2026-11-27']);
    });

    it('shortens long product names to 32 characters', () => {
      const payload = buildTextPayload(BATCH, { ...MINCE, name: 'Dry-aged Scottish rib-eye steak, bone in, 28 days' });
      expect(payload.split('\n')[0]).toBe('Dry-aged Scottish rib-eye steak…');
      expect(Array.from(payload.split('\n')[0] ?? '')).toHaveLength(32);
    });

    it('fits QR version 6 (M, 106 bytes) for a typical product', () => {
      expect(utf8Bytes(buildTextPayload(BATCH, MINCE))).toBeLessThanOrEqual(106);
    });

    it('is the default setting and rejects bad dates', () => {
      expect(DEFAULT_QR_SETTINGS).toEqual({ mode: 'text' });
      expect(catchInvalid(() => buildQrPayload(DEFAULT_QR_SETTINGS, { ...BATCH, arrivalDate: '2026-02-30' }, MINCE))).toMatch(/Arrival date/);
    });
  });

  describe('gs1 mode', () => {
    it('builds a Digital Link with the computed use-by date', () => {
      const payload = buildQrPayload(GS1, BATCH, MINCE);
      expect(payload).toBe('https://shop.example/01/05901234123457/10/L2611-07?11=261120&17=261127');
      expect(parseDigitalLink(payload)).toEqual({ gtin14: '05901234123457', lot: 'L2611-07', productionDate: '2026-11-20', expiryDate: '2026-11-27' });
    });

    it('uses AI 15 for best-before products and the shop’s path', () => {
      const payload = buildQrPayload({ ...GS1, path: '/b' }, { ...BATCH, lot: null }, { ...MINCE, dateType: 'best-before' });
      expect(payload).toBe('https://shop.example/b/01/05901234123457?11=261120&15=261127');
    });

    it('falls back to text for a product without a GTIN', () => {
      for (const gtin of [undefined, null, '', '   ']) {
        const product = { ...MINCE, gtin };
        expect(resolveQrMode(GS1, product)).toBe('text');
        expect(buildQrPayload(GS1, BATCH, product)).toBe(buildTextPayload(BATCH, product));
      }
      expect(resolveQrMode(GS1, MINCE)).toBe('gs1');
    });

    it('throws for an invalid GTIN or a lot GS1 cannot carry instead of falling back', () => {
      expect(catchInvalid(() => buildQrPayload(GS1, BATCH, { ...MINCE, gtin: '5901234123458' }))).toMatch(/GTIN of "Beef mince 500 g" is not valid/);
      expect(catchInvalid(() => buildQrPayload(GS1, { ...BATCH, lot: 'L 12' }, MINCE))).toMatch(/spaces/);
    });

    it('stays within QR version 4 (M, 62 bytes) for a short domain and lot', () => {
      const payload = buildQrPayload({ mode: 'gs1', domain: 'b.example' }, { ...BATCH, lot: 'L7' }, MINCE);
      expect(utf8Bytes(payload)).toBeLessThanOrEqual(62);
    });
  });

  describe('url mode', () => {
    it('fills every placeholder, percent-encoded', () => {
      const template = 'https://shop.example/b?p={product}&g={gtin}&g14={gtin14}&l={lot}&m={production}&a={arrival}&e={expiry}';
      const payload = buildQrPayload({ mode: 'url', template }, { ...BATCH, lot: 'AB/12 #3' }, { ...MINCE, name: 'Pâté & co' });
      expect(payload).toBe(
        'https://shop.example/b?p=P%C3%A2t%C3%A9%20%26%20co&g=5901234123457&g14=05901234123457&l=AB%2F12%20%233&m=2026-11-20&a=2026-11-21&e=2026-11-27',
      );
    });

    it('leaves missing values empty and does not need a GTIN it does not use', () => {
      const product = { name: 'Rye', gtin: 'not-a-gtin', dateType: 'best-before' } as const;
      expect(buildQrPayload({ mode: 'url', template: 'https://shop.example/{lot}?e={expiry}' }, { ...BATCH, lot: null }, product)).toBe(
        'https://shop.example/?e=',
      );
      catchInvalid(() => buildQrPayload({ mode: 'url', template: 'https://shop.example/{gtin14}' }, BATCH, product));
    });

    it('refuses templates that are not plain https addresses with known placeholders', () => {
      expect(urlTemplateError('https://shop.example/b/{lot}')).toBeNull();
      expect(urlTemplateError('http://shop.example/{lot}')).toMatch(/https/);
      expect(urlTemplateError('javascript:alert(1)')).toMatch(/https/);
      expect(urlTemplateError('https://shop.example/{batch}')).toMatch(/Unknown placeholder \{batch\}/);
      expect(urlTemplateError('https://shop.example/{lot')).toMatch(/matching/);
      expect(urlTemplateError('https://shop.example/a b')).toMatch(/spaces/);
      expect(urlTemplateError('https://{lot}.example/')).toMatch(/plain domain/);
      expect(urlTemplateError('https://user@shop.example/')).toMatch(/plain domain/);
      catchInvalid(() => buildQrPayload({ mode: 'url', template: 'http://shop.example' }, BATCH, MINCE));
    });
  });

  describe('QrSettings schema', () => {
    it('accepts each mode', () => {
      expect(QrSettings.parse({ mode: 'text' })).toEqual({ mode: 'text' });
      expect(QrSettings.parse({ mode: 'gs1', domain: 'shop.example', path: '/b' })).toEqual({ mode: 'gs1', domain: 'shop.example', path: '/b' });
      expect(QrSettings.parse({ mode: 'url', template: ' https://shop.example/{lot} ' })).toEqual({ mode: 'url', template: 'https://shop.example/{lot}' });
    });

    it('rejects bad domains, templates, unknown modes and extra keys', () => {
      for (const bad of [
        { mode: 'gs1', domain: 'https://shop.example' },
        { mode: 'gs1', domain: 'shop.example', path: 'a b' },
        { mode: 'gs1' },
        { mode: 'url', template: 'ftp://shop.example/{lot}' },
        { mode: 'url', template: `https://shop.example/${'x'.repeat(300)}` },
        { mode: 'barcode' },
        { mode: 'text', extra: 1 },
      ]) {
        expect(QrSettings.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      }
    });
  });
});
