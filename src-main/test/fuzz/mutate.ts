import fc from 'fast-check';

/**
 * Fuzz support: fast-check arbitraries that damage a valid seed file the way real damage and hostile files do
 * (docs/security.md#t11, issue 13): flipped and overwritten bytes, inserted, deleted and duplicated ranges,
 * truncation at any point, a field replaced by a huge value (1–16 MiB of one character, deep JSON/XML/MIME
 * nesting, a 10 MB header line) and wrong encodings (UTF-16 with or without BOM, Latin-1, stray BOMs, NUL bytes).
 * Every mutant carries a short label (seed name and mutation steps) printed when a case fails or hangs.
 * Loaded both by the fuzz worker (bundled) and by tests; no vitest import here.
 */

/** A valid sample to mutate: a name for messages and its bytes. */
export interface Seed {
  name: string;
  bytes: Uint8Array;
}

/** One fuzz case: the damaged bytes and how they were made. */
export interface Mutant {
  bytes: Uint8Array;
  label: string;
}

const MiB = 1024 * 1024;
const enc = new TextEncoder();

/** Tokens that matter to the parsers under test: JSON, CSV, XML, ICS, MIME, mbox, ZIP/KDBX magic. */
const TOKENS = [
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\n',
  '\r\n',
  '\r',
  ';',
  '=',
  '<',
  '>',
  '</',
  '<![CDATA[',
  '<!--',
  '&#0;',
  '&amp',
  '\u0000',
  '1e999',
  '-0',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '""',
  '"__proto__":',
  '"constructor":',
  '\ufffd',
  '\u2028',
  '\ud800',
  'BEGIN:VEVENT\r\n',
  'END:VEVENT\r\n',
  'END:VCALENDAR\r\n',
  'RRULE:FREQ=SECONDLY\r\n',
  'DTSTART:99999999T999999Z\r\n',
  'TZID=',
  'From x@y Thu Jan  1 00:00:00 1970\n',
  'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n',
  '=?utf-8?B?',
  '--b--\r\n',
  'Content-Transfer-Encoding: base64\r\n',
  'PK\u0003\u0004',
  'PK\u0001\u0002',
  'PK\u0005\u0006',
  '---\n',
  '![x](',
  '](:/',
  '%00',
  '../',
].map((t) => enc.encode(t));

type Step =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; len: number; times: number }
  | { kind: 'huge'; at: number; len: number; size: number; char: number }
  | { kind: 'nest'; at: number; depth: number; pair: number }
  | { kind: 'encoding'; to: number };

/** Opening and closing halves of the deep-nesting step: JSON arrays and objects, XML, iCalendar, MIME. */
const NESTS: Array<[string, string]> = [
  ['[', ']'],
  ['{"a":', '}'],
  ['<Group>', '</Group>'],
  ['BEGIN:VEVENT\r\n', 'END:VEVENT\r\n'],
  ['Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n', '\r\n--b--\r\n'],
];
const ENCODINGS = ['utf-16le+bom', 'utf-16be+bom', 'utf-16le', 'latin-1', 'utf-8 bom', 'nul-interleaved', 'utf-16 bom only'] as const;

const pos = fc.nat({ max: 1 << 30 });
/** Sizes of the huge field: mostly 1 MiB, some 4 and 16 MiB (plus or minus a byte, to miss round-number fast paths). */
const hugeSize = fc
  .tuple(
    fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(4) }, { weight: 1, arbitrary: fc.constant(16) }),
    fc.integer({ min: -1, max: 1 }),
  )
  .map(([n, d]) => n * MiB + d);

/** Everyday damage: cheap, so thousands of cases run in seconds. */
const lightStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: pos, xor: fc.integer({ min: 1, max: 255 }) }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      at: pos,
      value: fc.oneof(fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x22, 0x3c, 0x2c, 0x0a), fc.nat(255)),
    }),
  },
  {
    weight: 14,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: pos,
      bytes: fc.oneof(fc.constantFrom(...TOKENS), fc.uint8Array({ minLength: 1, maxLength: 48 })),
    }),
  },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: pos, len: fc.integer({ min: 1, max: 512 }) }) },
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: pos }) },
  {
    weight: 7,
    arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: pos, len: fc.integer({ min: 1, max: 512 }), times: fc.integer({ min: 1, max: 8 }) }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('encoding' as const), to: fc.nat(ENCODINGS.length - 1) }) },
);

/** Hostile sizes: a field of 1–16 MiB of one character, or 1,000–20,000 levels of nesting (or that many lines). */
const heavyStep: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('huge' as const),
      at: pos,
      len: fc.nat(64),
      size: hugeSize,
      char: fc.constantFrom(0x61, 0x20, 0x22, 0x2c, 0x0a, 0x00, 0x3d, 0xc3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('nest' as const), at: pos, depth: fc.integer({ min: 1_000, max: 20_000 }), pair: fc.nat(NESTS.length - 1) }),
  },
);

/** One case in {@link HEAVY_ONE_IN} carries a heavy step (with up to two light ones); the others 1–4 light steps. */
export const HEAVY_ONE_IN = 1000;
const steps: fc.Arbitrary<Step[]> = fc.oneof(
  { weight: HEAVY_ONE_IN - 1, arbitrary: fc.array(lightStep, { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.tuple(heavyStep, fc.array(lightStep, { maxLength: 2 })).map(([h, rest]) => [...rest, h]) },
);

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
};

/** Re-encodes the bytes (read as UTF-8, U+FFFD for what is not) in another encoding. */
function reencode(b: Uint8Array, to: (typeof ENCODINGS)[number]): Uint8Array {
  const text = new TextDecoder().decode(b);
  const utf16 = (le: boolean): Uint8Array => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  switch (to) {
    case 'utf-16le+bom':
      return concat(new Uint8Array([0xff, 0xfe]), utf16(true));
    case 'utf-16be+bom':
      return concat(new Uint8Array([0xfe, 0xff]), utf16(false));
    case 'utf-16le':
      return utf16(true);
    case 'latin-1':
      return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
    case 'utf-8 bom':
      return concat(new Uint8Array([0xef, 0xbb, 0xbf]), b);
    case 'nul-interleaved':
      return b.map((x, i) => (i % 7 === 3 ? 0 : x));
    case 'utf-16 bom only':
      return concat(new Uint8Array([0xff, 0xfe]), b);
  }
}

/** Applies one step; positions wrap around the current length so every step lands inside the file. */
function apply(b: Uint8Array, s: Step): { bytes: Uint8Array; label: string } {
  const at = 'at' in s ? (b.byteLength === 0 ? 0 : s.at % (b.byteLength + 1)) : 0;
  switch (s.kind) {
    case 'flip':
    case 'set': {
      if (b.byteLength === 0) return { bytes: b, label: `${s.kind}@0(empty)` };
      const i = Math.min(at, b.byteLength - 1);
      const out = b.slice();
      out[i] = s.kind === 'flip' ? (out[i] ?? 0) ^ s.xor : s.value;
      return { bytes: out, label: `${s.kind}@${i}` };
    }
    case 'insert':
      return { bytes: concat(b.subarray(0, at), s.bytes, b.subarray(at)), label: `insert@${at}+${s.bytes.byteLength}` };
    case 'delete':
      return { bytes: concat(b.subarray(0, at), b.subarray(at + s.len)), label: `delete@${at}-${s.len}` };
    case 'truncate':
      return { bytes: b.slice(0, at), label: `truncate@${at}` };
    case 'duplicate': {
      const range = b.subarray(at, at + s.len);
      return {
        bytes: concat(b.subarray(0, at), ...Array<Uint8Array>(s.times + 1).fill(range), b.subarray(at + s.len)),
        label: `dup@${at}x${s.len}*${s.times}`,
      };
    }
    case 'huge':
      return {
        bytes: concat(b.subarray(0, at), new Uint8Array(s.size).fill(s.char), b.subarray(at + s.len)),
        label: `huge@${at}-${s.len}=${s.size}x${s.char}`,
      };
    case 'nest': {
      const [open, close] = NESTS[s.pair] ?? ['[', ']'];
      return {
        bytes: concat(b.subarray(0, at), enc.encode(open.repeat(s.depth) + close.repeat(s.depth)), b.subarray(at)),
        label: `nest@${at}:${open.trim()}x${s.depth}`,
      };
    }
    case 'encoding':
      return { bytes: reencode(b, ENCODINGS[s.to] ?? 'latin-1'), label: ENCODINGS[s.to] ?? 'latin-1' };
  }
}

/** Everything a fuzz run mutates: the seed files (one picked per case) and 1–4 stacked steps. */
export function mutants(seeds: readonly Seed[]): fc.Arbitrary<Mutant> {
  if (seeds.length === 0) throw new Error('fuzz: no seeds');
  return fc.tuple(fc.nat(seeds.length - 1), steps).map(([i, list]) => {
    const seed = seeds[i] as Seed;
    let bytes = seed.bytes;
    const labels: string[] = [];
    for (const s of list) {
      const r = apply(bytes, s);
      bytes = r.bytes;
      labels.push(r.label);
    }
    return { bytes, label: `${seed.name}: ${labels.join(', ')}` };
  });
}
