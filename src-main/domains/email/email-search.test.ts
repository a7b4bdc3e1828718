import { describe, expect, it } from 'vitest';
import { parseEmailQuery } from '../../../src-shared/domains/email/email-query';
import { ftsMatch, ftsPhrase } from '../../../src-shared/lib/fts-query';

describe('email search query language', () => {
  it('splits words, phrases, exclusions and operators; the last word is a prefix', () => {
    const parts = parseEmailQuery('from:andris subject:"Test event" -spam label:"Category updates" has:attachment invo');
    expect(parts.map((p) => [p.op, p.value, p.negated, p.prefix])).toEqual([
      ['from', 'andris', false, false],
      ['subject', 'Test event', false, false],
      ['text', 'spam', true, false],
      ['label', 'Category updates', false, false],
      ['has', 'attachment', false, false],
      ['text', 'invo', false, true],
    ]);
    expect(parts[1]).toMatchObject({ words: ['Test', 'event'], phrase: true });
    expect(parseEmailQuery('"quoted phrase"')[0]).toMatchObject({ phrase: true, prefix: false });
  });

  it('reads dates both ways, keeps unknown operators as words, and refuses impossible ones', () => {
    expect(parseEmailQuery('before:2004/4/16 after:2001-01-01').map((p) => p.value)).toEqual(['2004-04-16', '2001-01-01']);
    expect(parseEmailQuery('re:hello')[0]).toMatchObject({ op: 'text', words: ['re', 'hello'], phrase: true });
    expect(parseEmailQuery('cc:bob')[0]).toMatchObject({ op: 'to', value: 'bob' });
    expect(() => parseEmailQuery('before:2024-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => parseEmailQuery('after:yesterday')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => parseEmailQuery('has:pony')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(parseEmailQuery('  ** ( ) - " ')).toEqual([]);
  });

  it('builds FTS5 expressions where typed syntax stays text', () => {
    const words = parseEmailQuery('NEAR(a "b*" OR c:)')
      .flatMap((p) => p.words)
      .join(' ');
    expect(words).toBe('NEAR a b OR c');
    expect(ftsPhrase(['test', 'event'], { column: 'subject' })).toBe('subject : "test event"');
    expect(ftsMatch(['"a"', '"b"*'], ['"c"'])).toBe('("a" AND "b"*) NOT ("c")');
    expect(ftsMatch([], ['"c"'])).toBeNull();
  });
});
