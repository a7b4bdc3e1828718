import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A CLI command. Domains add theirs in `src-main/domains/<d>/<d>.cli.ts` and list them in cli/main.ts. */
export interface CliCommand {
  /** One or two words: "ops", "profile create", "vault import". */
  name: string;
  usage: string;
  summary: string;
  options?: OptionSpec;
  /** One line per option for `hearth help <command>` (keys as in `options`). */
  optionHelp?: Record<string, string>;
  /** The front door the core reports to the UI: `web` for `hearth serve`, else `cli`. */
  transport?: 'cli' | 'web';
  run(ctx: CliContext, args: { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> }): Promise<number>;
}

/** Flags every command takes (parsed together with the command's own options). */
export const GLOBAL_OPTIONS = {
  profile: { type: 'string' },
  'password-file': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export const GLOBAL_OPTION_HELP: Record<keyof typeof GLOBAL_OPTIONS, string> = {
  profile: 'The profile to use, by name or id (needed when there is more than one)',
  'password-file': 'A file whose first line is the master password (or set HEARTH_PASSWORD; never an argument)',
  json: 'Print machine-readable JSON instead of text',
  verbose: 'Print log lines (timestamped INFO/WARN/ERROR) to stderr',
  help: "Show this command's help",
};
