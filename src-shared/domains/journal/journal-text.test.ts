import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../lib/fts-query';
import { displayTitle, excerptOf, metricValuesError, normalizeTags, renderTemplate } from './journal-text';

describe('journal text rules', () => {
  it('makes safe FTS5 prefix queries from anything a person types', () => {
    expect(toFtsQuery('riv walk')).toBe('"riv"* AND "walk"*');
    expect(toFtsQuery('"blue moon" café')).toBe('"blue moon" AND "café"*');
    expect(toFtsQuery('NEAR(a b) -x title:y')).toBe('"NEAR"* AND "a"* AND "b"* AND "x"* AND "title"* AND "y"*');
    expect(toFtsQuery('*** ( " ')).toBeNull();
    // Property: no double quote survives inside a term, so a term can never close its quotes early.
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const q = toFtsQuery(s);
        if (q === null) return;
        for (const term of q.split(' AND ')) expect(term).toMatch(/^"[^"]+"\*?$/);
      }),
    );
  });

  it('titles, excerpts, tags and templates', () => {
    expect(displayTitle('  ', '2026-03-16', '07:05')).toBe('Monday, 16 March 2026, 07:05');
    expect(displayTitle('Walk', '2026-03-16', '07:05')).toBe('Walk');
    expect(excerptOf('# Head\n\n- [x] **done** [link](http://x) ![img](attachment:1)')).toBe('Head done link');
    expect(excerptOf('word '.repeat(100), 20)).toBe('word word word word…');
    expect(normalizeTags(['#Walk', 'walk', ' evening ', '', '##'])).toEqual(['Walk', 'evening']);
    expect(renderTemplate('{{date}} {{ weekday }} {{week}} {{nope}}', { date: '2027-01-01', time: '09:00', journal: 'J' })).toBe(
      '2027-01-01 Friday 2026-W53 {{nope}}',
    );
  });

  it('checks check-in values against the journal metrics', () => {
    const defs = [
      { id: 'mood', name: 'Energy', kind: 'scale' as const, min: 1, max: 5 },
      { id: 'ran', name: 'Ran', kind: 'yesno' as const, min: 1, max: 5 },
    ];
    expect(metricValuesError(defs, { mood: 3, ran: true })).toBeNull();
    expect(metricValuesError(defs, { mood: 6 })).toBe('Energy takes a whole number from 1 to 5.');
    expect(metricValuesError(defs, { mood: 2.5 })).toBe('Energy takes a whole number from 1 to 5.');
    expect(metricValuesError(defs, { ran: 1 })).toBe('Ran is a yes/no check-in.');
  });
});
