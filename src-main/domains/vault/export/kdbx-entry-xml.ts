import { randomBytes } from 'node:crypto';

/**
 * KeePass 2 XML of one entry (KDBX 4 form: dates as base64 seconds since year 1), written straight to
 * text rather than through a DOM: at 100,000 items kdbxweb's DOM cost gigabytes. Protected strings are
 * XOR-ed with the inner random stream (`salt`), which must be drawn in document order, so entries are
 * written one after the other into the output.
 */

/** One KeePass string: name, value, and whether it is protected (passwords, hidden fields). */
export type KdbxString = [name: string, value: string, protect: boolean];

/** One version of an entry: its strings and when it was last modified. */
export interface KdbxVersion {
  strings: KdbxString[];
  modified: Date;
}

export interface KdbxEntryData {
  tags: readonly string[];
  created: Date;
  /** Older versions first (KeePass History), then the current one last. */
  versions: KdbxVersion[];
}

let uuidPool = Buffer.alloc(0);
let uuidAt = 0;
/** A random 16-byte entry UUID, base64, drawn from a pooled random buffer (one syscall per 4,096 entries). */
function nextUuid(): string {
  if (uuidAt + 16 > uuidPool.length) {
    uuidPool = randomBytes(16 * 4096);
    uuidAt = 0;
  }
  uuidAt += 16;
  return uuidPool.toString('base64', uuidAt - 16, uuidAt);
}

/** Seconds between 0001-01-01 and 1970-01-01, KeePass's date origin. */
const EPOCH_SECONDS = 62135596800;

/** A KDBX 4 date: the little-endian int64 count of seconds since 0001-01-01, base64. */
export function kdbxDate(date: Date): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64LE(BigInt(Math.floor(date.getTime() / 1000) + EPOCH_SECONDS));
  return bytes.toString('base64');
}

// XML 1.0 forbids these characters; KeePass would refuse the file.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content escaped for XML. TAB and CR become character references so every reader keeps them. */
export function xmlText(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
}

/** Writes one `<Entry>` (with its History) through `write`, drawing protected-value salt from `salt` in order. */
export function writeEntryXml(entry: KdbxEntryData, salt: (length: number) => ArrayBuffer, write: (xml: string) => void): void {
  const uuid = nextUuid();
  const now = kdbxDate(new Date());
  const tags = xmlText(entry.tags.join(', '));
  const version = (v: KdbxVersion): string => {
    let xml = `<Entry><UUID>${uuid}</UUID><IconID>0</IconID><ForegroundColor/><BackgroundColor/><OverrideURL/><Tags>${tags}</Tags>`;
    xml += `<Times><CreationTime>${kdbxDate(entry.created)}</CreationTime><LastModificationTime>${kdbxDate(v.modified)}</LastModificationTime>`;
    xml += `<LastAccessTime>${now}</LastAccessTime><ExpiryTime>${now}</ExpiryTime><Expires>False</Expires><UsageCount>0</UsageCount><LocationChanged>${now}</LocationChanged></Times>`;
    for (const [name, value, protect] of v.strings) {
      xml += `<String><Key>${xmlText(name)}</Key>`;
      if (!protect) xml += value === '' ? '<Value/>' : `<Value>${xmlText(value)}</Value>`;
      else xml += `<Value Protected="True">${protectedValue(value, salt)}</Value>`;
      xml += '</String>';
    }
    return `${xml}<AutoType><Enabled>True</Enabled><DataTransferObfuscation>0</DataTransferObfuscation></AutoType>`;
  };
  const current = entry.versions[entry.versions.length - 1];
  if (!current) return;
  write(version(current));
  if (entry.versions.length > 1) {
    write('<History>');
    for (const v of entry.versions.slice(0, -1)) write(`${version(v)}</Entry>`);
    write('</History>');
  }
  write('</Entry>');
}

/** UTF-8 bytes XOR the next bytes of the inner random stream, base64 (KeePass's in-file protection). */
function protectedValue(value: string, salt: (length: number) => ArrayBuffer): string {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length === 0) return '';
  const key = new Uint8Array(salt(bytes.length));
  for (let i = 0; i < bytes.length; i++) bytes[i]! ^= key[i]!;
  key.fill(0);
  return bytes.toString('base64');
}
