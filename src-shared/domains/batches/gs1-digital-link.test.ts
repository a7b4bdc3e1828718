import { describe, expect, it } from 'vitest';
import { catchInvalid } from './batches.test-helpers';
import {
  buildDigitalLink,
  type DigitalLinkInput,
  DigitalLinkDomain,
  DigitalLinkPath,
  domainError,
  lotError,
  parseDigitalLink,
  pathError,
  percentEncodeStrict,
} from './gs1-digital-link';

const EXAMPLE: DigitalLinkInput = { domain: 'id.gs1.org', gtin: '09521234543213', lot: 'ABC123', expiryDate: '2026-12-31', dateType: 'use-by' };
/** Every character of GS1 character set 82 except letters and digits. */
const CSET82_SYMBOLS = `!"%&'()*+,-./:;<=>?_`;

describe('gs1-digital-link', () => {
  describe('buildDigitalLink', () => {
    it('builds the worked example from the standard', () => {
      expect(buildDigitalLink(EXAMPLE)).toBe('https://id.gs1.org/01/09521234543213/10/ABC123?17=261231');
    });

    it('puts production (11) before use-by (17) and uses 15 for best-before', () => {
      const input = { ...EXAMPLE, productionDate: '2026-11-20', expiryDate: '2026-11-28' };
      expect(buildDigitalLink(input)).toBe('https://id.gs1.org/01/09521234543213/10/ABC123?11=261120&17=261128');
      expect(buildDigitalLink({ ...input, dateType: 'best-before' })).toBe('https://id.gs1.org/01/09521234543213/10/ABC123?11=261120&15=261128');
    });

    it('pads a GTIN-13 to 14 digits and omits the lot and query when absent', () => {
      expect(buildDigitalLink({ domain: 'shop.example', gtin: '5901234123457', dateType: 'use-by' })).toBe('https://shop.example/01/05901234123457');
    });

    it('adds the shop’s own path and lower-cases the domain', () => {
      const uri = buildDigitalLink({ ...EXAMPLE, domain: 'Shop.Example', path: '/b/' });
      expect(uri).toBe('https://shop.example/b/01/09521234543213/10/ABC123?17=261231');
      expect(buildDigitalLink({ ...EXAMPLE, domain: 'shop.example', path: 'qr/batches' })).toMatch(/^https:\/\/shop\.example\/qr\/batches\/01\//);
    });

    it('percent-encodes lot characters outside the unreserved set', () => {
      expect(buildDigitalLink({ ...EXAMPLE, lot: 'AB/12' })).toContain('/10/AB%2F12?');
      expect(buildDigitalLink({ ...EXAMPLE, lot: 'A%B' })).toContain('/10/A%25B?');
      expect(buildDigitalLink({ ...EXAMPLE, lot: `x${CSET82_SYMBOLS.slice(0, 19)}` })).toContain('/10/x%21%22%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F?');
      expect(percentEncodeStrict('L-1_2.3~')).toBe('L-1_2.3~');
    });

    it('rejects lots outside GS1 character set 82 or longer than 20', () => {
      expect(catchInvalid(() => buildDigitalLink({ ...EXAMPLE, lot: 'AB/12#3' }))).toMatch(/cannot contain "#"/);
      expect(catchInvalid(() => buildDigitalLink({ ...EXAMPLE, lot: 'AB 12' }))).toMatch(/cannot contain spaces/);
      expect(catchInvalid(() => buildDigitalLink({ ...EXAMPLE, lot: 'LÖT1' }))).toMatch(/"Ö"/);
      expect(catchInvalid(() => buildDigitalLink({ ...EXAMPLE, lot: 'A'.repeat(21) }))).toMatch(/at most 20 characters; this one has 21/);
      expect(buildDigitalLink({ ...EXAMPLE, lot: 'A'.repeat(20) })).toContain(`/10/${'A'.repeat(20)}?`);
      expect(lotError('')).toMatch(/empty/);
      expect(lotError('..')).toMatch(/cannot be/);
      for (const bad of ['$', '@', '[', '~', '`', '{', '|', '\\', '^', '\t']) expect(lotError(`A${bad}`), bad).not.toBeNull();
    });

    it('rejects a GTIN with a wrong check digit', () => {
      expect(catchInvalid(() => buildDigitalLink({ ...EXAMPLE, gtin: '09521234543214' }))).toMatch(/should be 3, not 4/);
    });

    it('accepts only a bare host name as the domain', () => {
      for (const bad of [
        'https://shop.example',
        'shop.example/b',
        'shop.example:8443',
        'localhost',
        '192.168.1.10',
        'sh op.example',
        '-shop.example',
        'user@shop.example',
        '',
      ]) {
        expect(domainError(bad), bad).not.toBeNull();
        catchInvalid(() => buildDigitalLink({ ...EXAMPLE, domain: bad }));
      }
      for (const good of ['shop.example', 'a.b.example', 'xn--bcker-gra.example', 'id.gs1.org']) expect(domainError(good), good).toBeNull();
    });

    it('rejects paths with characters outside the unreserved set', () => {
      expect(pathError('')).toBeNull();
      expect(pathError('/b/2026/')).toBeNull();
      for (const bad of ['a b', 'a?b', 'a#b', 'a//b', '../b', 'a%2Fb']) expect(pathError(bad), bad).not.toBeNull();
      catchInvalid(() => buildDigitalLink({ ...EXAMPLE, domain: 'shop.example', path: 'a?b' }));
    });

    it('exposes the domain and path checks as schemas', () => {
      expect(DigitalLinkDomain.safeParse('shop.example').success).toBe(true);
      expect(DigitalLinkDomain.safeParse('https://shop.example').success).toBe(false);
      expect(DigitalLinkPath.safeParse('/b').success).toBe(true);
      expect(DigitalLinkPath.safeParse('/a b').success).toBe(false);
    });
  });

  describe('parseDigitalLink', () => {
    it('reads the worked example from the standard', () => {
      expect(parseDigitalLink('https://id.gs1.org/01/09521234543213/10/ABC123?17=261231')).toEqual({
        gtin14: '09521234543213',
        lot: 'ABC123',
        expiryDate: '2026-12-31',
      });
    });

    it('reads production and best-before dates', () => {
      expect(parseDigitalLink('https://shop.example/01/09521234543213/10/L1?11=261120&15=261128')).toEqual({
        gtin14: '09521234543213',
        lot: 'L1',
        productionDate: '2026-11-20',
        bestBeforeDate: '2026-11-28',
      });
    });

    it('accepts a path before the key, a serial after the lot and a product-only link', () => {
      expect(parseDigitalLink('https://id.gs1.org/01/09521234543213/10/ABC123/21/12345').lot).toBe('ABC123');
      expect(parseDigitalLink('https://example.com/products/01/09521234543213')).toEqual({ gtin14: '09521234543213', lot: null });
      expect(parseDigitalLink('https://shop.example/qr/01/x/01/09521234543213/10/01').lot).toBe('01');
      expect(parseDigitalLink('https://shop.example/01/09521234543213/22/V1/10/L9/').lot).toBe('L9');
    });

    it('accepts GTIN-8/12/13 in the path, convenience names and ; separators', () => {
      expect(parseDigitalLink('https://shop.example/01/5901234123457').gtin14).toBe('05901234123457');
      expect(parseDigitalLink('https://shop.example/01/036000291452').gtin14).toBe('00036000291452');
      expect(parseDigitalLink('https://shop.example/01/96385074').gtin14).toBe('00000096385074');
      expect(parseDigitalLink('https://example.com/gtin/09521234543213/lot/ABC123?exp=261231')).toEqual({
        gtin14: '09521234543213',
        lot: 'ABC123',
        expiryDate: '2026-12-31',
      });
      expect(parseDigitalLink('https://shop.example/01/09521234543213?11=261120;17=261128').expiryDate).toBe('2026-11-28');
    });

    it('ignores unknown parameters and fragments, and accepts http and upper-case schemes', () => {
      const uri = 'HTTP://ID.GS1.ORG/01/09521234543213/10/ABC123?linkType=gs1:pip&17=261231&utm=x#top';
      expect(parseDigitalLink(uri)).toEqual({ gtin14: '09521234543213', lot: 'ABC123', expiryDate: '2026-12-31' });
    });

    it('decodes percent-encoded lots in either case', () => {
      expect(parseDigitalLink('https://shop.example/01/09521234543213/10/AB%2F12').lot).toBe('AB/12');
      expect(parseDigitalLink('https://shop.example/01/09521234543213/10/ab%2f12').lot).toBe('ab/12');
      expect(parseDigitalLink('https://shop.example/01/09521234543213/10/A%25B').lot).toBe('A%B');
      expect(parseDigitalLink('https://shop.example/01/09521234543213?10=L%2F7').lot).toBe('L/7');
    });

    it('reads DD = 00 as month end for expiry and month start for production, and applies the century rule', () => {
      expect(parseDigitalLink('https://shop.example/01/09521234543213?11=261100&17=280200')).toMatchObject({
        productionDate: '2026-11-01',
        expiryDate: '2028-02-29',
      });
      expect(parseDigitalLink('https://shop.example/01/09521234543213?11=991231', { referenceYear: 2026 }).productionDate).toBe('1999-12-31');
    });

    it('rejects links that are not GS1 Digital Links for a product', () => {
      for (const bad of [
        'hello',
        'ftp://id.gs1.org/01/09521234543213',
        'javascript:alert(1)//01/09521234543213',
        'https://user@shop.example/01/09521234543213',
        'https://shop.example/00/106141411234567897',
        'https://shop.example/01/0952123454321',
        'https://shop.example/01/09521234543213/10',
        'https://shop.example/01/09521234543213/21/S1/10/L1',
        'https://shop.example/01/09521234543213/99/X',
      ]) {
        catchInvalid(() => parseDigitalLink(bad));
      }
    });

    it('rejects a wrong check digit, bad lots, malformed escapes, bad dates and repeated AIs', () => {
      expect(catchInvalid(() => parseDigitalLink('https://id.gs1.org/01/09521234543214'))).toMatch(/GTIN in this link is not valid/);
      expect(catchInvalid(() => parseDigitalLink('https://id.gs1.org/01/09521234543213/10/AB%2312'))).toMatch(/"#"/);
      expect(catchInvalid(() => parseDigitalLink('https://id.gs1.org/01/09521234543213/10/AB%ZZ'))).toMatch(/malformed/);
      expect(catchInvalid(() => parseDigitalLink('https://id.gs1.org/01/09521234543213?17=261331'))).toMatch(/AI 17/);
      expect(catchInvalid(() => parseDigitalLink('https://id.gs1.org/01/09521234543213?17=261231&exp=261230'))).toMatch(/repeats AI 17/);
      expect(catchInvalid(() => parseDigitalLink(`https://id.gs1.org/01/09521234543213?x=${'a'.repeat(2100)}`))).toMatch(/too long/);
    });
  });

  describe('round trips', () => {
    const lots = ['ABC123', 'AB/12', 'A%B', 'L-2026.11_7', `"quoted"`, 'a+b=c;d', '..x', CSET82_SYMBOLS, '0123456789abcdefXYZ_'];

    for (const lot of lots) {
      it(`parses back what it builds for lot ${JSON.stringify(lot)}`, () => {
        for (const dateType of ['use-by', 'best-before'] as const) {
          const uri = buildDigitalLink({
            domain: 'shop.example',
            path: '/b',
            gtin: '5901234123457',
            lot,
            productionDate: '2026-11-20',
            expiryDate: '2028-02-29',
            dateType,
          });
          const parsed = parseDigitalLink(uri);
          expect(parsed.gtin14).toBe('05901234123457');
          expect(parsed.lot).toBe(lot);
          expect(parsed.productionDate).toBe('2026-11-20');
          expect(dateType === 'use-by' ? parsed.expiryDate : parsed.bestBeforeDate).toBe('2028-02-29');
        }
      });
    }

    it('produces a URI that the WHATWG URL parser leaves unchanged', () => {
      const uri = buildDigitalLink({ ...EXAMPLE, lot: CSET82_SYMBOLS, productionDate: '2026-11-20' });
      expect(new URL(uri).href).toBe(uri);
    });
  });
});
