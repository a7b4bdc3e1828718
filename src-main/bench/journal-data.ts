import { pick, seededRandom } from './measure';

/**
 * Deterministic journal-like rows for the store bench: ULID-like ids in time order, a 40-character
 * title, a 1 KiB body of Zipf-distributed words (so FTS5 sees a natural mix of common and rare
 * terms) and an ISO created_at five minutes after the previous row.
 */
export interface JournalRow {
  id: string;
  title: string;
  body: string;
  created_at: string;
}

export const TITLE_CHARS = 40;
export const BODY_CHARS = 1024;
export const ROW_SPACING_MS = 5 * 60_000;
const START_MS = Date.UTC(2023, 0, 1);
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'ber',
  'dan',
  'fel',
  'gor',
  'hin',
  'jut',
  'kes',
  'lam',
  'mor',
  'nis',
  'pra',
  'qui',
  'ros',
  'sen',
  'tal',
  'ugo',
  'vin',
  'wer',
  'yal',
  'zen',
];
const VOCABULARY_SIZE = 4000;

/** The word list, most frequent first; the rank of a word is its index. */
export const VOCABULARY: readonly string[] = buildVocabulary();

function buildVocabulary(): string[] {
  const rand = seededRandom(7);
  const words = new Set<string>();
  while (words.size < VOCABULARY_SIZE) {
    const n = 1 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(rand, SYLLABLES);
    if (w.length >= 3) words.add(w);
  }
  return [...words];
}

/** Zipf (s = 1) sampler over VOCABULARY via a cumulative table and binary search. */
function zipfSampler(rand: () => number): () => string {
  const cumulative = new Float64Array(VOCABULARY.length);
  let sum = 0;
  for (let r = 0; r < VOCABULARY.length; r++) cumulative[r] = sum += 1 / (r + 1);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return VOCABULARY[lo]!;
  };
}

function text(word: () => string, chars: number): string {
  let s = word();
  while (s.length < chars) s += ` ${word()}`;
  return s.slice(0, chars);
}

function ulidLike(timeMs: number, rand: () => number): string {
  let time = '';
  for (let t = timeMs, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32]! + time;
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[Math.floor(rand() * 32)]!;
  return time + tail;
}

export const createdAtOf = (index: number): string => new Date(START_MS + index * ROW_SPACING_MS).toISOString();

/** `count` rows starting at row `first`; the same arguments always give the same rows. */
export function journalRows(first: number, count: number, seed = 1): JournalRow[] {
  const rand = seededRandom(seed * 1_000_003 + first);
  const word = zipfSampler(rand);
  const rows: JournalRow[] = [];
  for (let i = first; i < first + count; i++) {
    const ms = START_MS + i * ROW_SPACING_MS;
    rows.push({ id: ulidLike(ms, rand), title: text(word, TITLE_CHARS), body: text(word, BODY_CHARS), created_at: new Date(ms).toISOString() });
  }
  return rows;
}

/**
 * FTS5 queries of realistic selectivity: one mid-frequency word, two common words (AND), a prefix,
 * a title-only word and a rare word. `count` of them, cycling through the shapes.
 */
export function ftsQueries(count: number, seed = 3): string[] {
  const rand = seededRandom(seed);
  const band = (lo: number, hi: number) => VOCABULARY[lo + Math.floor(rand() * (hi - lo))]!;
  const shapes = [
    () => band(200, 1000),
    () => `${band(30, 150)} ${band(30, 150)}`,
    () => `${band(100, 600).slice(0, 4)}*`,
    () => `title:${band(50, 400)}`,
    () => band(1500, 4000),
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!());
}
