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
  /** The front door the core reports to the UI: `web` for `hearth serve`, else `cli`. */
  transport?: 'cli' | 'web';
  run(ctx: CliContext, args: { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> }): Promise<number>;
}
