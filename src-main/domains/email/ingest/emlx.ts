/**
 * Apple Mail's `.emlx`: a line with the message's byte count, the message, then an XML plist. And `.partial.emlx`,
 * whose attachment bodies Mail removed (left empty, with an `X-Apple-Content-Length` header) and kept as files in
 * `Attachments/<message number>/<MIME part number>/<name>`: `reassemblePartial` puts them back, encoded as the part
 * says (base64, quoted-printable or as is), as `partial-emlx-converter` does. Headers are kept as they are.
 */

export interface Emlx {
  /** The message bytes (exactly the counted bytes; all bytes after the first line when the count is unusable). */
  message: Buffer;
  /** plist `flags` (bit 0: read) and `date-received` (Unix seconds), when present. */
  flags?: number;
  dateReceived?: number;
}

const plistInteger = (plist: string, key: string): number | undefined => {
  const m = new RegExp(`<key>${key}</key>\\s*<integer>(\\d{1,20})</integer>`).exec(plist);
  return m ? Number(m[1]) : undefined;
};

export function readEmlx(bytes: Buffer): Emlx {
  const nl = bytes.indexOf(0x0a);
  const first = nl < 0 ? '' : bytes.subarray(0, Math.min(nl, 64)).toString('latin1');
  const count = /^\s*(\d{1,12})\s*$/.test(first) ? Number(first.trim()) : -1;
  if (count < 0) return { message: bytes };
  const start = nl + 1;
  if (start + count > bytes.length) return { message: bytes.subarray(start) };
  const out: Emlx = { message: bytes.subarray(start, start + count) };
  const plist = bytes.subarray(start + count, start + count + 64 * 1024).toString('latin1');
  const flags = plistInteger(plist, 'flags');
  const dateReceived = plistInteger(plist, 'date-received');
  if (flags !== undefined) out.flags = flags;
  if (dateReceived !== undefined) out.dateReceived = dateReceived;
  return out;
}

/** An emptied attachment part: where its body goes, and how to encode it. */
interface EmptyPart {
  part: string;
  from: number;
  to: number;
  encoding: string;
}

const header = (headers: string, name: string): string => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';

/** Walks one MIME entity of `text` (latin1) in [from, to), numbering parts as IMAP does (1, 2, 2.1 …). */
function walk(text: string, from: number, to: number, part: string, out: EmptyPart[], depth: number): void {
  const lf = text.indexOf('\n\n', from);
  const crlf = text.indexOf('\n\r\n', from);
  const blank = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
  if (blank < 0 || blank >= to || depth > 20) return;
  const body = blank + (blank === crlf ? 3 : 2);
  const headers = text.slice(from, blank).replace(/\r?\n[ \t]+/g, ' ');
  const type = header(headers, 'content-type').toLowerCase();
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(header(headers, 'content-type'));
  if (type.startsWith('multipart/') && boundary) {
    const delimiter = `--${boundary[1] ?? boundary[2]}`;
    const starts: number[] = [];
    let at = text.indexOf(delimiter, body - 1);
    while (at >= 0 && at < to) {
      const after = text[at + delimiter.length] ?? '\n';
      if ((at === body || text[at - 1] === '\n') && '-\r\n \t'.includes(after)) starts.push(at);
      if (text.startsWith('--', at + delimiter.length) && at + delimiter.length + 2 <= to) break;
      at = text.indexOf(delimiter, at + delimiter.length);
    }
    for (let i = 0; i + 1 < starts.length; i++) {
      const partStart = text.indexOf('\n', starts[i]!) + 1;
      let partEnd = starts[i + 1]! - 1;
      if (text[partEnd - 1] === '\r') partEnd--;
      const child = part ? `${part}.${i + 1}` : String(i + 1);
      if (partStart > 0 && partStart <= partEnd) walk(text, partStart, partEnd, child, out, depth + 1);
    }
    return;
  }
  if (/^x-apple-content-length:/im.test(headers) && text.slice(body, to).trim() === '') {
    out.push({ part: part || '1', from: body, to, encoding: header(headers, 'content-transfer-encoding').toLowerCase() });
  }
}

/** Quoted-printable, line ends of the file as hard breaks, soft breaks before 76 characters. */
export function encodeQuotedPrintable(bytes: Buffer, eol: string): string {
  const lines: string[] = [];
  let line = '';
  const endLine = (): void => {
    const last = line.charCodeAt(line.length - 1);
    if (last === 0x20 || last === 0x09) line = `${line.slice(0, -1)}=${last === 0x20 ? '20' : '09'}`;
    lines.push(line);
    line = '';
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d && bytes[i + 1] === 0x0a) continue;
    if (b === 0x0a) {
      endLine();
      continue;
    }
    const t = (b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + t.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += t;
  }
  endLine();
  return lines.join(eol);
}

function encode(bytes: Buffer, encoding: string, eol: string): string {
  if (encoding === 'base64') return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(eol);
  if (encoding === 'quoted-printable') return encodeQuotedPrintable(bytes, eol);
  return bytes.toString('latin1');
}

/**
 * Puts the attachment files back into a `.partial.emlx` message. `attachment(part)` returns the file of a MIME part
 * number, or null when it is missing (that part stays empty, as it was).
 */
export async function reassemblePartial(message: Buffer, attachment: (part: string) => Promise<Buffer | null>): Promise<Buffer> {
  const text = message.toString('latin1');
  const empty: EmptyPart[] = [];
  walk(text, 0, text.length, '', empty, 0);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = text;
  let changed = false;
  for (const p of empty.reverse()) {
    const file = await attachment(p.part);
    if (!file) continue;
    out = out.slice(0, p.from) + encode(file, p.encoding, eol) + out.slice(p.to);
    changed = true;
  }
  return changed ? Buffer.from(out, 'latin1') : message;
}
