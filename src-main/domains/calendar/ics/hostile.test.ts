import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/ipc/result';
import { decodeCalendarBytes, parseCalendarFile } from './index';

/** Runs `fn`, expects a typed AppError with `code`, and returns how long it took. */
function refused(fn: () => unknown, code: string, message: RegExp): number {
  const t0 = performance.now();
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
  return ms;
}

const EVENT = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@b\r\nDTSTART:20260101T100000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

describe('parseCalendarFile on hostile input', () => {
  it('a 70 MiB file is refused before any parsing (TOO_LARGE), and maxBytes is honoured', () => {
    const huge = `BEGIN:VCALENDAR\r\nX-PAD:${'x'.repeat(70 * 1024 * 1024)}\r\nEND:VCALENDAR\r\n`;
    expect(refused(() => parseCalendarFile(huge), 'TOO_LARGE', /larger than 64 MiB/)).toBeLessThan(1000);
    refused(() => parseCalendarFile(EVENT, { maxBytes: 100 }), 'TOO_LARGE', /larger than/);
    // Multi-byte text is measured in UTF-8 bytes, not UTF-16 units.
    refused(() => parseCalendarFile(`BEGIN:VCALENDAR\r\nX-A:${'é'.repeat(60)}\r\nEND:VCALENDAR`, { maxBytes: 100 }), 'TOO_LARGE', /larger than/);
  });

  it('binary garbage, UTF-16 and non-iCalendar text are INVALID_INPUT with a clear message', () => {
    const garbage = randomBytes(1024 * 1024);
    refused(() => decodeCalendarBytes(garbage), 'INVALID_INPUT', /not valid UTF-8/);
    refused(() => parseCalendarFile(garbage.toString('latin1')), 'INVALID_INPUT', /binary data|BEGIN:VCALENDAR/);
    refused(() => parseCalendarFile(`BEGIN:VCALENDAR\r\n${garbage.toString('utf8')}`), 'INVALID_INPUT', /binary data|not valid UTF-8/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EVENT, 'utf16le')]);
    refused(() => decodeCalendarBytes(utf16), 'INVALID_INPUT', /not valid UTF-8/);
    refused(() => parseCalendarFile(utf16.toString('utf8')), 'INVALID_INPUT', /binary data|not valid UTF-8/);
    refused(() => parseCalendarFile('{"events": []}'), 'INVALID_INPUT', /does not start with BEGIN:VCALENDAR/);
    refused(() => parseCalendarFile(42 as unknown as string), 'INVALID_INPUT', /expected text/);
  });

  it('a one-million-line fold bomb stops quickly with INVALID_INPUT', () => {
    const bomb = `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:a${'\r\n b'.repeat(1_000_000)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    expect(refused(() => parseCalendarFile(bomb), 'INVALID_INPUT', /folded over more than/)).toBeLessThan(2000);
  });

  it('truncated files, mismatched END and deep nesting are INVALID_INPUT', () => {
    refused(() => parseCalendarFile(EVENT.slice(0, EVENT.indexOf('END:VEVENT'))), 'INVALID_INPUT', /truncated: BEGIN:VEVENT is never closed/);
    refused(() => parseCalendarFile(EVENT.replace('END:VEVENT', 'END:VTODO')), 'INVALID_INPUT', /END:VTODO at line 7 does not close BEGIN:VEVENT/);
    const deep = `BEGIN:VCALENDAR\r\n${'BEGIN:X\r\n'.repeat(50)}${'END:X\r\n'.repeat(50)}END:VCALENDAR`;
    refused(() => parseCalendarFile(deep), 'INVALID_INPUT', /nested deeper than/);
  });

  it('tolerates what real files do: BOM, LF, blank lines, a missing UID (stable generated one), an event without DTSTART', () => {
    const noStart = 'BEGIN:VEVENT\nUID:c@d\nSUMMARY:no start\nEND:VEVENT\n\nEND:VCALENDAR';
    const text = `\ufeff${EVENT.replace(/\r\n/g, '\n').replace('UID:a@b\n', '').replace('END:VCALENDAR', noStart)}`;
    const first = parseCalendarFile(text);
    const second = parseCalendarFile(text);
    expect(first.series).toHaveLength(1);
    expect(first.series[0]?.uid).toMatch(/^[0-9a-f]{32}@hearth\.import$/);
    expect(second.series[0]?.uid).toBe(first.series[0]?.uid);
    expect(first.series[0]?.master?.ics).toContain(`UID:${first.series[0]?.uid}`);
    expect(first.warnings).toEqual([`A VEVENT without UID was given ${first.series[0]?.uid}.`, 'Event c@d has no DTSTART and was skipped.']);
  });
});
