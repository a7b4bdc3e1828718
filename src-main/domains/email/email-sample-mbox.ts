import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { VOCABULARY } from '../../bench/journal-data';
import { pick, seededRandom } from '../../bench/measure';

/**
 * A generated, realistic mbox for tests and the bench (issue 12): From_ lines, unique Message-IDs, dates spread
 * over ten years, senders and recipients from a pool of people (some names as RFC 2047 encoded words), reply
 * threads (In-Reply-To/References), bodies of Zipf-distributed words averaging ~10 KB with some `From ` lines
 * that mbox quoting turns into `>From `, ~10 % multipart with a small base64 attachment and ~5 % with an HTML
 * alternative. Streamed to disk in ~1 MiB chunks (constant memory); the same seed always writes the same bytes.
 * Only `From ` lines are quoted (never a body line starting with `>From `), so mboxo and mboxrd read it alike.
 */

export interface SampleMboxOptions {
  messages: number;
  seed?: number;
  /** A word placed once, in the text body of message {@link sampleCanaryIndex}. */
  canary?: string;
  /** Average size of a message in bytes (default 10,240). */
  avgBytes?: number;
}

export interface SamplePerson {
  /** The display name as read (decoded). */
  name: string;
  address: string;
  /** The From/To header value as written (encoded word when the name is not ASCII). */
  header: string;
}

/** Messages' Date headers run from here, evenly spaced, to {@link SAMPLE_END_MS} whatever the count. */
export const SAMPLE_START_MS = Date.UTC(2015, 0, 1);
export const SAMPLE_END_MS = Date.UTC(2025, 0, 1);
/** Two-word phrases that appear verbatim in some body lines (for phrase searches). */
export const SAMPLE_PHRASES = ['quarterly report', 'project kickoff', 'invoice attached', 'flight confirmation', 'board meeting'] as const;
/** Common English words ranked before the bench's synthetic vocabulary (rank = index in {@link SAMPLE_WORDS}). */
const ENGLISH = (
  'the and to of a in is that for it you with on this be are as at have we not will from your can our or all by ' +
  'please thanks meeting time next week today call send team update review project report plan new let know ' +
  'attached file note draft budget travel office schedule question answer morning afternoon friday monday'
).split(' ');
/** The body vocabulary, most frequent first. */
export const SAMPLE_WORDS: readonly string[] = [...ENGLISH, ...VOCABULARY];
const ACCENTED = ['café', 'naïve', 'Grüße', 'résumé', 'über', 'façade', 'jalapeño', 'smörgåsbord'];

const NAMES: ReadonlyArray<[string, string, 'ascii' | 'utf8-b' | 'utf8-q' | 'latin1-q']> = [
  ['Alice Martin', 'alice.martin@example.com', 'ascii'],
  ['Bob Okafor', 'bob@example.org', 'ascii'],
  ['Carol Nguyen', 'carol.nguyen@example.net', 'ascii'],
  ['David Smith', 'dsmith@example.com', 'ascii'],
  ['Erin Walsh', 'erin.walsh@example.co.uk', 'ascii'],
  ['Frank Moreau', 'frank@example.fr', 'ascii'],
  ['Grace Kim', 'grace.kim@example.com', 'ascii'],
  ['Hannah Berg', 'hannah@example.se', 'ascii'],
  ['Ivan Petrov', 'ivan.petrov@example.org', 'ascii'],
  ['Julia Rossi', 'julia.rossi@example.it', 'ascii'],
  ['Kevin Osei', 'kevin.osei@example.com', 'ascii'],
  ['Laura Chen', 'laura.chen@example.net', 'ascii'],
  ['Mona Haddad', 'mona@example.org', 'ascii'],
  ['Newsletter', 'news@lists.example.com', 'ascii'],
  ['José Álvarez', 'jose.alvarez@example.es', 'utf8-q'],
  ['Zoë Becker', 'zoe.becker@example.de', 'latin1-q'],
  ['Jürgen Müller', 'juergen@example.de', 'latin1-q'],
  ['Łukasz Nowak', 'lukasz.nowak@example.pl', 'utf8-b'],
  ['Søren Dahl', 'soren@example.dk', 'utf8-q'],
  ['山田 太郎', 'taro.yamada@example.jp', 'utf8-b'],
  ['Дмитрий Иванов', 'dmitry@example.ru', 'utf8-b'],
  ['François Lefèvre', 'francois@example.fr', 'utf8-q'],
];

function encodeWord(text: string, kind: 'utf8-b' | 'utf8-q' | 'latin1-q'): string {
  if (kind === 'utf8-b') return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
  const bytes = Buffer.from(text, kind === 'latin1-q' ? 'latin1' : 'utf8');
  let q = '';
  for (const b of bytes)
    q += b === 0x20 ? '_' : /[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return `=?${kind === 'latin1-q' ? 'ISO-8859-1' : 'UTF-8'}?Q?${q}?=`;
}

/** The pool of senders and recipients. */
export const SAMPLE_PEOPLE: readonly SamplePerson[] = NAMES.map(([name, address, kind]) => ({
  name,
  address,
  header: `${kind === 'ascii' ? `"${name}"` : encodeWord(name, kind)} <${address}>`,
}));

/** The index (0-based) of the message whose body holds the canary. */
export const sampleCanaryIndex = (messages: number): number => Math.floor(messages / 2);

/** Zipf (s = 1) over SAMPLE_WORDS as a lookup table: one random number, one array read per word. */
function zipfTable(size = 1 << 20): Uint16Array {
  const weights = SAMPLE_WORDS.map((_, r) => 1 / (r + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Uint16Array(size);
  let at = 0;
  let cumulative = 0;
  weights.forEach((w, r) => {
    cumulative += w;
    const end = r === weights.length - 1 ? size : Math.round((cumulative / total) * size);
    table.fill(r, at, Math.max(at, end));
    at = Math.max(at, end);
  });
  return table;
}
const ZIPF = zipfTable();

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONES_MIN = [0, 60, 120, -300, -420, 330, 540];
const two = (n: number): string => String(n).padStart(2, '0');

/** RFC 5322 Date in a zone `offsetMin` east of UTC. */
function rfcDate(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const off = Math.abs(offsetMin);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${sign}${two(Math.floor(off / 60))}${two(off % 60)}`;
}

/** The asctime date of a From_ line (UTC). */
function asctime(ms: number): string {
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`;
}

interface Sent {
  id: string;
  subject: string;
  refs: string[];
}

/** One generator: all state for one file, driven by one seeded PRNG. */
function generator(opts: SampleMboxOptions) {
  const seed = opts.seed ?? 1;
  const rand = seededRandom(seed);
  const avg = opts.avgBytes ?? 10_240;
  const recent: Sent[] = [];
  const word = (): string => SAMPLE_WORDS[ZIPF[Math.floor(rand() * ZIPF.length)]!]!;

  function freshLine(): string {
    const r = rand();
    let s = r < 0.02 ? pick(rand, SAMPLE_PHRASES) : r < 0.03 ? pick(rand, ACCENTED) : word();
    const target = 40 + Math.floor(rand() * 36);
    while (s.length < target) s += ` ${word()}`;
    return s;
  }
  /** Recent lines, reused three times in four: a quarter of the cost of fresh lines, and rare words stay rare. */
  const pool = Array.from({ length: 4096 }, freshLine);
  function line(): string {
    const slot = Math.floor(rand() * pool.length);
    if (rand() < 0.25) pool[slot] = freshLine();
    return pool[slot]!;
  }

  /** Body lines of about `bytes` bytes; may include a `From ` line (written quoted) and the canary. */
  function bodyLines(bytes: number, canary: string | undefined, quoted: string[]): string[] {
    const lines = [`Hi ${pick(rand, SAMPLE_PEOPLE).name.split(' ')[0]},`, ''];
    let size = 0;
    for (const q of quoted) lines.push(`> ${q}`);
    while (size < bytes) {
      const l = rand() < 0.08 ? '' : line();
      lines.push(l);
      size += l.length + 1;
    }
    if (rand() < 0.06) lines.splice(2 + Math.floor(rand() * (lines.length - 2)), 0, `>From ${line()}`); // `From …` in the message, quoted in the file
    if (canary !== undefined) lines.splice(Math.floor(lines.length / 2), 0, `${line()} ${canary} ${word()}`);
    lines.push('', 'Best regards,', pick(rand, SAMPLE_PEOPLE).name);
    return lines;
  }

  function attachment(index: number, boundary: string): string[] {
    const n = 512 + Math.floor(rand() * 6 * 1024);
    const bytes = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) bytes[i] = Math.floor(rand() * 256);
    const b64 = bytes.toString('base64');
    const kind = Math.floor(rand() * 3);
    const [mime, disposition] =
      kind === 0
        ? ['application/pdf; name="report-' + index + '.pdf"', 'attachment; filename="report-' + index + '.pdf"']
        : kind === 1
          ? ['image/png; name="photo-' + index + '.png"', 'attachment; filename="photo-' + index + '.png"']
          : ['application/octet-stream', `attachment; filename*=UTF-8''Gr%C3%BC%C3%9Fe-${index}.bin`];
    const out = [`--${boundary}`, `Content-Type: ${mime}`, `Content-Disposition: ${disposition}`, 'Content-Transfer-Encoding: base64', ''];
    for (let i = 0; i < b64.length; i += 76) out.push(b64.slice(i, i + 76));
    return out;
  }

  /** One message as it goes into the file: From_ line, headers, body (From_-quoted), and the blank separator line. */
  function message(index: number): string {
    const ms = SAMPLE_START_MS + Math.floor(((SAMPLE_END_MS - SAMPLE_START_MS) * (index + rand())) / Math.max(1, opts.messages));
    const from = pick(rand, SAMPLE_PEOPLE);
    let to = pick(rand, SAMPLE_PEOPLE);
    if (to === from) to = SAMPLE_PEOPLE[(SAMPLE_PEOPLE.indexOf(to) + 1) % SAMPLE_PEOPLE.length]!;
    const id = `${seed.toString(36)}.${index.toString(36)}.${Math.floor(rand() * 2 ** 32).toString(36)}@mail.example.com`;
    const parent = recent.length > 0 && rand() < 0.3 ? pick(rand, recent) : undefined;
    let subject: string;
    if (parent) subject = `Re: ${parent.subject.replace(/^Re: /, '')}`;
    else if (rand() < 0.05) subject = `${pick(rand, ACCENTED)} ${line().slice(0, 30)}`;
    else
      subject = line()
        .slice(0, 20 + Math.floor(rand() * 30))
        .trim();
    const refs = parent ? [...parent.refs, parent.id].slice(-10) : [];
    recent.push({ id, subject, refs });
    if (recent.length > 64) recent.shift();

    const headers = [
      `From ${from.address} ${asctime(ms)}`,
      `Return-Path: <${from.address}>`,
      `Message-ID: <${id}>`,
      `Date: ${rfcDate(ms, pick(rand, ZONES_MIN))}`,
    ];
    headers.push(`From: ${from.header}`, `To: ${to.header}`);
    if (rand() < 0.2) headers.push(`Cc: ${pick(rand, SAMPLE_PEOPLE).header}`);
    headers.push(`Subject: ${/^[\x20-\x7e]*$/.test(subject) ? subject : encodeWord(subject, 'utf8-b')}`);
    if (parent) headers.push(`In-Reply-To: <${parent.id}>`, `References: ${refs.map((r) => `<${r}>`).join('\n ')}`);
    headers.push('MIME-Version: 1.0');

    // Headers, HTML copies and attachments add ~5 % + ~1 KB on average.
    const bodyAvg = Math.max(200, avg * 0.95 - 1000);
    const size = Math.min(bodyAvg * 20, bodyAvg * (0.25 - 0.75 * Math.log(1 - rand())));
    const canary = opts.canary !== undefined && index === sampleCanaryIndex(opts.messages) ? opts.canary : undefined;
    const quoted = parent ? [line(), line()] : [];
    const text = bodyLines(size, canary, quoted);
    const html = rand() < 0.05;
    const attach = rand() < 0.1;
    const plainHead = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'];
    let body: string[];
    const alt = (b: string): string[] => [
      `--${b}`,
      ...plainHead,
      '',
      ...text,
      `--${b}`,
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '<html><body>',
      ...text.filter((l) => l !== '').map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`),
      '</body></html>',
      `--${b}--`,
    ];
    if (!html && !attach) {
      headers.push(...plainHead);
      body = text;
    } else if (!attach) {
      headers.push(`Content-Type: multipart/alternative; boundary="alt-${id}"`);
      body = ['This is a multi-part message in MIME format.', '', ...alt(`alt-${id}`)];
    } else {
      const b = `mix-${id}`;
      headers.push(`Content-Type: multipart/mixed; boundary="${b}"`);
      const first = html
        ? [`--${b}`, `Content-Type: multipart/alternative; boundary="alt-${id}"`, '', ...alt(`alt-${id}`)]
        : [`--${b}`, ...plainHead, '', ...text];
      body = ['This is a multi-part message in MIME format.', '', ...first, ...attachment(index, b), `--${b}--`];
    }
    return `${headers.join('\n')}\n\n${body.join('\n')}\n\n`;
  }

  return { message };
}

/**
 * Streams `opts.messages` generated messages to `path` (replacing it); returns the bytes and messages written.
 * The same options always give the same file.
 */
export async function writeSampleMbox(path: string, opts: SampleMboxOptions): Promise<{ bytes: number; messages: number }> {
  const out = createWriteStream(path);
  const gen = generator(opts);
  let bytes = 0;
  let chunk: string[] = [];
  let chunkChars = 0;
  const flush = async () => {
    const buf = Buffer.from(chunk.join(''), 'utf8');
    chunk = [];
    chunkChars = 0;
    bytes += buf.byteLength;
    if (!out.write(buf)) await once(out, 'drain');
  };
  try {
    for (let i = 0; i < opts.messages; i++) {
      const m = gen.message(i);
      chunk.push(m);
      chunkChars += m.length;
      if (chunkChars >= 1 << 20) await flush();
    }
    await flush();
    out.end();
    await finished(out);
  } catch (err) {
    out.destroy();
    throw err;
  }
  return { bytes, messages: opts.messages };
}
