import { parseArgs } from 'node:util';
import { AppError } from '../../src-shared/ipc/result';
import type { CliCommand } from './commands';
import { createCliContext } from './context';
import { coreCommands } from './core-commands';
import { batchesCommands } from '../domains/batches/batches.cli';
import { vaultCommands } from '../domains/vault/vault.cli';
import { EXIT, exitCodeFor, jsonText, UsageError } from './io';

/**
 * `hearth`: the same core and router as the app, for scripts, cron and a shop's till
 * (in the spirit of keepassxc-cli and Bitwarden's `bw`).
 */
// SECURITY: every file and folder Hearth creates (profiles, exports, temp files) is for this user only.
if (process.platform !== 'win32') process.umask(0o077);

const commands: CliCommand[] = [...coreCommands, ...vaultCommands, ...batchesCommands];

const GLOBAL_OPTIONS = {
  profile: { type: 'string' },
  'password-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(72)} ${c.summary}`);
  return `Usage: hearth <command> [options]\n\n${lines.join('\n')}\n\nGlobal: --profile NAME, --password-file F (or HEARTH_PASSWORD), --json. Profiles live in HEARTH_HOME.\nExit codes: 0 ok, 2 bad input, 3 wrong password, 1 other errors.\n`;
}

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  const two = `${words[0]} ${words[1]}`;
  const match = commands.find((c) => c.name === two) ?? commands.find((c) => c.name === words[0]);
  if (!match) return null;
  const rest = [...argv];
  for (const w of match.name.split(' ')) rest.splice(rest.indexOf(w), 1);
  return { command: match, rest };
}

export async function runCli(argv: string[]): Promise<number> {
  const found = findCommand(argv);
  if (!found || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage());
    return found || argv.includes('--help') || argv.includes('-h') ? EXIT.ok : EXIT.badInput;
  }
  const { values, positionals } = parseArgs({
    args: found.rest,
    options: { ...GLOBAL_OPTIONS, ...found.command.options },
    allowPositionals: true,
    strict: true,
  });
  const ctx = createCliContext(
    { profile: values.profile as string | undefined, passwordFile: values['password-file'] as string | undefined, json: values.json === true },
    __HEARTH_VERSION__,
    found.command.transport,
  );
  try {
    return await found.command.run(ctx, { positionals, values: values as Record<string, string | boolean | string[] | undefined> });
  } finally {
    ctx.core.shutdown();
  }
}

function report(err: unknown): number {
  if (err instanceof AppError) {
    process.stderr.write(`${jsonText({ ok: false, error: err.toJSON() })}\n`);
    return exitCodeFor(err.toJSON());
  }
  if (err instanceof TypeError && (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    return report(new UsageError(err.message));
  }
  process.stderr.write(`${JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Hearth.' } })}\n`);
  if (process.env.HEARTH_LOG) console.error(err);
  return EXIT.error;
}

/** Resolves once everything written so far has left the process (a pipe takes 64 KiB at a time). */
const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));

/**
 * Never exit before stdout and stderr drain: process.exit() right after a big write cuts piped output
 * short and still reports success. Set the code, wait for the streams, then leave.
 */
async function finish(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

void runCli(process.argv.slice(2)).then(
  (code) => finish(code),
  (err: unknown) => finish(report(err)),
);
