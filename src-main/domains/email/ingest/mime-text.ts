/**
 * Plain text from message bodies, for the search index and the snippet: an HTML body's text (postal-mime does not
 * export its converter), UTF-8 byte caps and the one-line snippet. Linear in the input on any HTML (indexOf and
 * sticky scans, no backtracking patterns), since the HTML comes from strangers.
 */

/** Elements whose content is not text. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg']);
/** Elements that start a new line. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul',
]); // prettier-ignore
const CELL = new Set(['td', 'th']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·', euro: '€', pound: '£', yen: '¥',
  cent: '¢', deg: '°', times: '×', divide: '÷', shy: '', zwnj: '', zwj: '', thinsp: ' ', ensp: ' ', emsp: ' ',
}; // prettier-ignore

/** HTML's Latin-1 entity names, in code point order from U+00A0 (`&Eacute;` → É). */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
LATIN1.split(' ').forEach((name, i) => (NAMED[name] ??= String.fromCharCode(0xa0 + i)));

/** Decodes numeric character references and the named ones above (case matters: `&Eacute;` ≠ `&eacute;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});?/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

/** The text of an HTML document: tags dropped, blocks on their own lines, scripts and styles skipped, entities decoded. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let at = 0;
  // The next ">" at or after the current "<" (-1: none left), kept between tags so "<<<<…>" is not rescanned per "<".
  let gt = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const end = lt < 0 ? html.length : lt;
    if (end > at) out.push(decodeEntities(html.slice(at, end).replace(/\s+/g, ' ')));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      at = close < 0 ? html.length : close + 3;
      continue;
    }
    if (gt >= 0 && gt <= lt) gt = html.indexOf('>', lt);
    const name = /^<\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(lt, lt + 40))?.[1]?.toLowerCase() ?? '';
    if (gt < 0 || (name === '' && !/^<[!?/]/.test(html.slice(lt, lt + 2)))) {
      // Not a tag ("a < b"): the "<" is text.
      out.push('<');
      at = lt + 1;
      continue;
    }
    const closing = html[lt + 1] === '/';
    at = gt + 1;
    if (!closing && SKIPPED.has(name)) {
      const closeTag = new RegExp(`</${name}\\s*>`, 'gi');
      closeTag.lastIndex = at;
      at = closeTag.exec(html) ? closeTag.lastIndex : html.length;
    } else if (BLOCK.has(name)) out.push('\n');
    else if (CELL.has(name) && !closing) out.push('\t');
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `text` cut to at most `bytes` UTF-8 bytes, never inside a character. */
export function capUtf8(text: string, bytes: number): string {
  if (text.length * 3 <= bytes) return text;
  const encoded = encoder.encode(text.length > bytes ? text.slice(0, bytes) : text);
  if (encoded.byteLength <= bytes) return decoder.decode(encoded);
  let cut = bytes;
  // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (cut > 0 && ((encoded[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return decoder.decode(encoded.subarray(0, cut));
}

/** The start of `text` on one line, whitespace collapsed, about `max` characters, cut after a word when one ends near. */
export function snippetOf(text: string, max: number): string {
  const flat = text
    .slice(0, max * 8)
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max * 0.6 ? cut : max).trimEnd()}…`;
}
