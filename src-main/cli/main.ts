import { parseArgs } from 'node:util';
import { AppError } from '../../src-shared/ipc/result';
import { GLOBAL_OPTIONS, type CliCommand } from './commands';
import { createCliContext } from './context';
import { coreCommands } from './core-commands';
import { moduleList } from '../app/modules';
import { EXIT, exitCodeFor, jsonText, UsageError } from './io';
import { route } from './route';
import { setLogLevel } from '../lib/log';

/**
 * `hearth`: the same core and router as the app, for scripts, cron and a shop's till
 * (in the spirit of keepassxc-cli and Bitwarden's `bw`).
 */
// SECURITY: every file and folder Hearth creates (profiles, exports, temp files) is for this user only.
if (process.platform !== 'win32') process.umask(0o077);

// The CLI's own commands, then each module's (app/modules.ts is the one list).
const commands: CliCommand[] = [...coreCommands, ...moduleList().flatMap((m) => m.commands ?? [])];

/** Set from argv before anything else runs: log lines and internal error details only with --verbose. */
let verbose = false;

export async function runCli(argv: string[]): Promise<number> {
  verbose = argv.includes('--verbose');
  // The CLI's stderr carries the JSON error object that scripts parse: no log lines unless asked for.
  setLogLevel(verbose ? 'info' : 'silent');
  const found = route(argv, commands, __HEARTH_VERSION__);
  if ('exit' in found) return found.exit;
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
  if (verbose || process.env.HEARTH_LOG) console.error(err);
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

// `hearth ops | head`: the reader went away. That is not an error of ours: stop quietly, like other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

void runCli(process.argv.slice(2)).then(
  (code) => finish(code),
  (err: unknown) => finish(report(err)),
);
