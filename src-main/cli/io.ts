import { promises as fs } from 'node:fs';
import { AppError, type AppErrorCode, type AppErrorData } from '../../src-shared/ipc/result';

/** Exit codes: 0 ok, 2 bad input, 3 wrong password, 1 anything else. */
export const EXIT = { ok: 0, error: 1, badInput: 2, wrongPassword: 3 } as const;

/** Errors caused by what the caller gave us (arguments, JSON, files): exit 2, as the README says. */
const BAD_INPUT_CODES: ReadonlySet<AppErrorCode> = new Set(['INVALID_INPUT', 'UNKNOWN_OPERATION', 'TOO_LARGE', 'UNSUPPORTED']);

export function exitCodeFor(error: AppErrorData): number {
  if (error.code === 'WRONG_PASSWORD') return EXIT.wrongPassword;
  if (BAD_INPUT_CODES.has(error.code)) return EXIT.badInput;
  return EXIT.error;
}

/** A string option's value from parseArgs (undefined when absent or given as a flag). */
export const stringOption = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export class UsageError extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

/**
 * The master password, from (in order) --password-file, HEARTH_PASSWORD, or an interactive prompt
 * with echo off. Never from a command-line argument: those show up in `ps` and shell history.
 */
export async function readPassword(opts: { passwordFile?: string; prompt: string; confirm?: boolean }): Promise<string> {
  if (opts.passwordFile) return readSecretFile(opts.passwordFile);
  const fromEnv = process.env.HEARTH_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError('No password given: use --password-file FILE, HEARTH_PASSWORD, or run in a terminal.');
  const first = await promptHidden(opts.prompt);
  if (opts.confirm && (await promptHidden('Repeat password: ')) !== first) throw new UsageError('The passwords do not match.');
  return first;
}

/** A secret file's first line (trailing newline stripped), like `bw --passwordfile`. */
export async function readSecretFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the password file ${file}.`);
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line.length === 0) throw new UsageError(`The password file ${file} is empty.`);
  return line;
}

/** Keys that hold secrets: they must never travel in a command-line argument. */
const SECRET_KEY = /password|recovery|secret/i;

/** The first key anywhere in a JSON value that names a secret, or null. */
export function findSecretKey(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findSecretKey(v);
      if (found !== null) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEY.test(k)) return k;
      const found = findSecretKey(v);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Operation input is small JSON; anything bigger than this is not what the caller meant. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export async function readInputFile(file: string): Promise<string> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new UsageError(`Cannot read the input file ${file}.`);
  if (stat.size > MAX_INPUT_BYTES) throw new AppError('TOO_LARGE', `The input file ${file} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
  return fs.readFile(file, 'utf8');
}

/** The operation input piped on stdin (`hearth call op - < input.json`). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('Pipe the JSON input into stdin, or use --input-file F.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw new AppError('TOO_LARGE', `The input on stdin is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * JSON text safe for a terminal: JSON.stringify escapes C0 controls but not DEL or the C1 range
 * (U+0080–U+009F, where U+009B is a one-character CSI), so those are escaped here too.
 */
export const jsonText = (value: unknown, indent?: number): string =>
  (JSON.stringify(value, null, indent) ?? 'null').replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const printJson = (value: unknown): void => {
  process.stdout.write(`${jsonText(value, 2)}\n`);
};

// CSI and OSC sequences (7- and 8-bit), other ESC pairs, C1 controls, then every other C0 control and DEL.
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]|[\u0080-\u009f]|[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * SECURITY: text from imported files (titles, notes) must not drive the terminal (set its title,
 * rewrite the screen, paste commands). Strips control characters except the tab and newline we print.
 */
export const terminalSafe = (text: string): string => text.replace(ESCAPES, '');

/** Every human-readable CLI print goes through here. */
export const printText = (text: string): void => {
  process.stdout.write(terminalSafe(text));
};

export const printLine = (line = ''): void => printText(`${line}\n`);
