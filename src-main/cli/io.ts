import { promises as fs } from 'node:fs';
import { AppError, type AppErrorData } from '../../src-shared/ipc/result';

/** Exit codes: 0 ok, 2 bad input, 3 wrong password, 1 anything else. */
export const EXIT = { ok: 0, error: 1, badInput: 2, wrongPassword: 3 } as const;

export function exitCodeFor(error: AppErrorData): number {
  if (error.code === 'WRONG_PASSWORD') return EXIT.wrongPassword;
  if (error.code === 'INVALID_INPUT' || error.code === 'UNKNOWN_OPERATION') return EXIT.badInput;
  return EXIT.error;
}

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

function promptHidden(prompt: string): Promise<string> {
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

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
