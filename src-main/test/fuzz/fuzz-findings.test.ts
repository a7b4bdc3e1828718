import { describe, expect, it } from 'vitest';
import { parseImport } from '../../domains/vault/import';
import { patchKdbxHeaderUint64 } from '../../domains/vault/import/test-fixtures';
import { fromKeePassOtp, importedTotp } from '../../domains/vault/import/otp';
import { readTaskFile } from '../../domains/goals/import';
import { errorOf } from '../helpers';
import { kdbxSeeds, keepassXmlSeeds } from './seeds-vault';

/**
 * The importer bugs the issue-13 fuzz found, each pinned by a direct test so it cannot come back unnoticed between
 * fuzz runs (which draw different cases every time).
 */
const enc = new TextEncoder();
const MiB = 1024 * 1024;

describe('importer fuzz findings', () => {
  it('KeePass XML: a long whitespace run in a damaged end tag parses in linear time (xmldom was quadratic)', async () => {
    const [seed] = await keepassXmlSeeds();
    const xml = new TextDecoder().decode(seed?.bytes);
    const at = xml.indexOf('</Name>') + 6;
    const hostile = `${xml.slice(0, at)}${' '.repeat(MiB)}x${xml.slice(at)}`;
    const started = Date.now();
    const result = await parseImport(enc.encode(hostile), { format: 'keepass-xml' }).catch((err: unknown) => err);
    // Quadratic before the fix: 64 KiB of spaces took 11 s, 1 MiB would take about 45 minutes.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).not.toBeInstanceOf(RangeError);
  });

  it('KeePass XML: whitespace inside CDATA and attribute values is kept as written', async () => {
    const { escapeTextTabs } = await import('../../domains/vault/import/keepass');
    expect(escapeTextTabs('<a  b="x  y"\n\n c>t\tu<![CDATA[p  \tq]]></a   >')).toBe('<a b="x  y" c>t&#9;u<![CDATA[p  \tq]]></a >');
  });

  it('KeePass XML: an impossible entry date reads as no date instead of throwing RangeError', async () => {
    const [seed] = await keepassXmlSeeds();
    const xml = new TextDecoder().decode(seed?.bytes).replace(/<CreationTime>[^<]*<\/CreationTime>/g, '<CreationTime>9999999-99-99T99:99:99Z</CreationTime>');
    const result = await parseImport(enc.encode(xml), { format: 'keepass-xml' });
    expect(result.items.map((i) => i.item.title)).toContain('Mail');
    expect(result.items.every((i) => i.createdAt === undefined)).toBe(true);
  });

  it('KDBX: a KDF parameter above 2^53 is TOO_LARGE, not kdbxweb\'s untyped "too large number"', async () => {
    const [v4] = await kdbxSeeds();
    const hostile = patchKdbxHeaderUint64(v4?.bytes ?? new Uint8Array(), 'R', 2n ** 60n);
    expect(await errorOf(parseImport(hostile, { password: 'x' }))).toMatchObject({ code: 'TOO_LARGE' });
  });

  it('OTP: a multi-MiB TOTP field is kept as it is, in milliseconds (it took 46 s to convert)', () => {
    const huge = `key=JBSWY3DPEHPK3PXP${'\ufffd'.repeat(16 * MiB)}`;
    const started = Date.now();
    expect(fromKeePassOtp({ otp: huge, seed: huge, settings: '30;6' }, 'Issuer', 'ana')).toBe(huge);
    expect(importedTotp(`JBSWY3DP${'A'.repeat(4 * MiB)}`, 'Issuer', 'ana')).toHaveLength(4 * MiB + 8);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fromKeePassOtp({ otp: 'key=JBSWY3DPEHPK3PXP&step=60', seed: '', settings: '' }, 'Issuer', 'ana')).toBe(
      'otpauth://totp/Issuer:ana?secret=JBSWY3DPEHPK3PXP&period=60&digits=6&issuer=Issuer',
    );
  });

  it('VTODO: an impossible COMPLETED date reads as completed now instead of throwing RangeError', () => {
    const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:a\r\nSUMMARY:Call\r\nCOMPLETED:20240230T256199Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n';
    const file = readTaskFile(enc.encode(ics), { nowMs: Date.UTC(2026, 11, 1), zone: 'UTC' });
    expect(file.kind === 'tasks' && file.parsed.tasks[0]).toMatchObject({ title: 'Call', completedAt: '2026-12-01T00:00:00.000Z' });
  });
});
