import { expect, it } from 'vitest';
import { icsSummary, safeFileName } from './email-links';
import { normaliseDomain } from './email-signups';

// The links themselves (calendar, goals, files) are tested over the imported sample mail in email-read.test.ts.

it('reads an invitation’s title and makes attachment names Files accepts', () => {
  expect(icsSummary('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY;LANGUAGE=en:Test ev\r\n ent\\, again\r\nEND:VEVENT\r\nEND:VCALENDAR')).toBe(
    'Test event, again',
  );
  expect(safeFileName('../a/b\u0007.txt', 'x')).toBe('.._a_b_.txt');
  expect(safeFileName(' .. ', 'attachment-2')).toBe('attachment-2');
});

it('reads a vault item’s address as a domain for "accounts you have"', () => {
  expect(normaliseDomain('https://www.Example.com/login?x=1')).toBe('example.com');
  expect(normaliseDomain('user@mail.example.co.uk')).toBe('mail.example.co.uk');
  expect(normaliseDomain('localhost')).toBe('');
  expect(normaliseDomain('%_')).toBe('');
});
