import { ItemInput } from '../../../src-shared/domains/vault/vault.schemas';
import { parseOtpImport } from '../../../src-shared/domains/vault/otpauth';
import { parseImport, sniffFormat, type ImportFormat } from '../../domains/vault/import';
import { fromKeePassOtp, importedTotp } from '../../domains/vault/import/otp';
import { parseJournalImport } from '../../domains/journal/io/import';
import { readTaskFile } from '../../domains/goals/import';
import { decodeCalendarBytes, parseCalendarFile } from '../../domains/calendar/ics/parse';
import { parseMessage } from '../../domains/email/ingest/parse-message';
import { readMbox } from '../../domains/email/ingest/mbox-reader';
import { readEmlx } from '../../domains/email/ingest/emlx';
import { parseBatchesCsv } from './batches-csv-parse';
import type { Seed } from './mutate';
import { bitwardenEncryptedSeeds, bitwardenJsonSeeds, csvSeeds, FUZZ_PASSWORD, kdbxSeeds, keepassXmlSeeds, onePuxSeeds, otpSeeds } from './seeds-vault';
import { journalSeeds } from './seeds-journal';
import { batchesSeeds, calendarSeeds, emailSeeds, goalsSeeds } from './seeds-other';

/**
 * Every importer the fuzz covers (issue 13): its pure parse entry point as main calls it (in a worker job), the
 * generated seeds it starts from, and what a returned result must satisfy. Runs inside the fuzz worker.
 */
export interface FuzzTarget {
  name: string;
  /** The entry point, for the report. */
  entry: string;
  seeds(): Seed[] | Promise<Seed[]>;
  /** Parses one mutant (`name` is the seed's file name, for importers that look at it); a result must pass `check`. */
  parse(bytes: Uint8Array, name: string): Promise<unknown>;
}

/** The result crosses a worker boundary in the app, so it must survive structured cloning. */
const cloneable = <T>(value: T): T => {
  structuredClone(value);
  return value;
};

function vault(name: string, format: ImportFormat, seeds: FuzzTarget['seeds'], password?: string): FuzzTarget {
  return {
    name: `vault.${name}`,
    entry: `parseImport(format: ${format}) + sniffFormat`,
    seeds,
    async parse(bytes, fileName) {
      // sniffFormat is documented never to throw: it runs on every file the user drops.
      sniffFormat(bytes, fileName);
      const result = await parseImport(bytes, { format, password, fileName });
      for (const item of result.items) {
        const check = ItemInput.safeParse(item.item);
        if (!check.success) throw new Error(`item fails ItemInput: ${check.error.issues[0]?.message ?? ''} at ${check.error.issues[0]?.path.join('.') ?? ''}`);
      }
      return cloneable(result);
    },
  };
}

const lenient = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function journal(name: string): FuzzTarget {
  return {
    name: `journal.${name}`,
    entry: 'parseJournalImport (auto-detected)',
    seeds: async () => (await journalSeeds())[name] ?? [],
    async parse(bytes, fileName) {
      const result = parseJournalImport([{ path: fileName, bytes }], { now: '2026-12-01T12:00:00.000Z' });
      for (const e of result.entries) if (Number.isNaN(Date.parse(e.entryAt))) throw new Error(`entry ${e.sourceId} has entryAt ${e.entryAt}`);
      return cloneable(result);
    },
  };
}

function goals(name: string, seedName: string): FuzzTarget {
  return {
    name: `goals.${name}`,
    entry: 'readTaskFile (auto-detected)',
    seeds: () => goalsSeeds().filter((s) => s.name === seedName),
    parse: async (bytes, fileName) => cloneable(readTaskFile(bytes, { nowMs: Date.UTC(2026, 11, 1), zone: 'Europe/Lisbon', fileName })),
  };
}

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  // Uneven chunk sizes, so From_ lines and headers straddle chunk boundaries.
  for (let at = 0, n = 1; at < bytes.byteLength; at += n, n = (n * 7 + 13) % 4099) yield bytes.subarray(at, at + n);
}

export const TARGETS: FuzzTarget[] = [
  vault('bitwarden-json', 'bitwarden-json', bitwardenJsonSeeds),
  vault('bitwarden-encrypted', 'bitwarden-json', bitwardenEncryptedSeeds, FUZZ_PASSWORD),
  vault('bitwarden-csv', 'bitwarden-csv', () => csvSeeds('bitwarden.csv')),
  vault('keepassxc-csv', 'keepassxc-csv', () => csvSeeds('keepassxc.csv')),
  vault('1password-csv', '1password-csv', () => csvSeeds('1password.csv')),
  vault('chrome-csv', 'chrome-csv', () => csvSeeds('chrome.csv')),
  vault('firefox-csv', 'firefox-csv', () => csvSeeds('firefox.csv')),
  vault('safari-csv', 'safari-csv', () => csvSeeds('safari.csv')),
  vault('kdbx', 'kdbx', kdbxSeeds, FUZZ_PASSWORD),
  vault('keepass-xml', 'keepass-xml', keepassXmlSeeds),
  vault('1pux', '1password-1pux', onePuxSeeds),
  {
    name: 'vault.otp',
    entry: 'parseOtpImport + importedTotp + fromKeePassOtp',
    seeds: otpSeeds,
    async parse(bytes) {
      const text = lenient(bytes);
      const imported = importedTotp(text, 'Issuer', 'account');
      const keepass = fromKeePassOtp({ otp: text, seed: text, settings: text.slice(0, 8) }, 'Issuer', 'account');
      // Only a link is an OTP import (a bare secret is refused there on purpose); the converters take anything.
      const accounts = /^\s*[a-z-]+:/i.test(text) ? parseOtpImport(text) : [];
      return cloneable({ imported, keepass, accounts });
    },
  },
  journal('dayone'),
  journal('joplin'),
  journal('standard-notes'),
  journal('markdown'),
  journal('hearth'),
  goals('todoist', 'todoist.csv'),
  goals('ticktick', 'ticktick.csv'),
  goals('ics', 'todos.ics'),
  goals('hearth-json', 'hearth-goals.json'),
  {
    name: 'calendar.ics',
    entry: 'decodeCalendarBytes + parseCalendarFile',
    seeds: calendarSeeds,
    parse: async (bytes) => cloneable(parseCalendarFile(decodeCalendarBytes(bytes))),
  },
  { name: 'email.eml', entry: 'parseMessage', seeds: () => emailSeeds().eml, parse: async (bytes) => cloneable(await parseMessage(bytes)) },
  {
    name: 'email.mbox',
    entry: 'readMbox + parseMessage',
    seeds: () => emailSeeds().mbox,
    async parse(bytes) {
      const out = [];
      for await (const m of readMbox(chunks(bytes), { maxMessageBytes: 32 * 2 ** 20 })) out.push(await parseMessage(m.raw));
      return cloneable(out);
    },
  },
  {
    name: 'email.emlx',
    entry: 'readEmlx + parseMessage',
    seeds: () => emailSeeds().emlx,
    parse: async (bytes) => cloneable(await parseMessage(readEmlx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).message)),
  },
  {
    name: 'batches.csv',
    entry: 'parseCsvRows + mapHeaders + readNewProduct/readBatch',
    seeds: batchesSeeds,
    parse: async (bytes) => cloneable(parseBatchesCsv(lenient(bytes))),
  },
];
