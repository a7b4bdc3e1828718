import { GLOBAL_OPTION_HELP, GLOBAL_OPTIONS, type CliCommand, type OptionSpec } from './commands';
import { UsageError } from './io';

/** Help text for `hearth`, `hearth help [command]` and `hearth <command> --help`, built from the command list. */

/** Commands handled in cli/main.ts before any core is built (so they stay fast and need no profile). */
export const BUILTIN_USAGE = [
  ['hearth help [COMMAND] [--json]', 'Show every command, or one command with its options'],
  ['hearth completion bash|zsh', 'Print a shell completion script (bash: source <(hearth completion bash))'],
  ['hearth --version', 'Print the version'],
] as const;

/** The value's name as the usage line writes it (`--out FILE.pdf`, `--qr gs1|url|text`), if it does. */
function valueInUsage(name: string, usage: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`--${escaped} ([^\\s\\[\\]()]+)`).exec(usage)?.[1];
  return found?.includes('…') ? undefined : found;
}

/** `--name VALUE` for a string option, `--name` for a boolean, with its short form. */
export function optionLabel(name: string, spec: OptionSpec[string], usage = ''): string {
  const fallback = name.endsWith('-file') ? 'FILE' : name.replace(/-/g, '_').toUpperCase();
  const value = spec.type === 'string' ? ` ${valueInUsage(name, usage) ?? fallback}` : '';
  const short = spec.short ? `-${spec.short}, ` : '';
  return `${short}--${name}${value}${spec.multiple ? ' (repeatable)' : ''}`;
}

function optionLines(options: OptionSpec, help: Record<string, string | undefined>, usage = ''): string[] {
  const rows = Object.entries(options).map(([name, spec]) => [optionLabel(name, spec, usage), help[name] ?? ''] as const);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`.trimEnd());
}

const listing = (rows: readonly (readonly [string, string])[]): string => rows.map(([usage, summary]) => `  ${usage.padEnd(72)} ${summary}`).join('\n');

export function usageText(commands: readonly CliCommand[]): string {
  const rows = [...commands.map((c) => [c.usage, c.summary] as const), ...BUILTIN_USAGE];
  return (
    `Usage: hearth <command> [options]\n\n${listing(rows)}\n\n` +
    'Global: --profile NAME, --password-file F (or HEARTH_PASSWORD), --json, --verbose. Profiles live in HEARTH_HOME.\n' +
    'Exit codes: 0 ok, 2 bad input, 3 wrong password, 1 other errors. Run `hearth help COMMAND` for its options.\n'
  );
}

/** One command: usage, summary, its options and the global ones, each with its description. */
export function commandHelp(command: CliCommand): string {
  const own = command.options ?? {};
  const parts = [`Usage: ${command.usage}`, '', command.summary];
  if (Object.keys(own).length > 0) parts.push('', 'Options:', ...optionLines(own, command.optionHelp ?? {}, command.usage));
  parts.push('', 'Global options:', ...optionLines(GLOBAL_OPTIONS, GLOBAL_OPTION_HELP));
  return `${parts.join('\n')}\n`;
}

/** Every command as data (`hearth help --json`), for scripts and for checking that every option is described. */
export function helpJson(commands: readonly CliCommand[]) {
  return commands.map((c) => ({
    name: c.name,
    usage: c.usage,
    summary: c.summary,
    options: Object.entries(c.options ?? {}).map(([name, spec]) => ({
      name,
      type: spec.type,
      multiple: spec.multiple === true,
      description: c.optionHelp?.[name] ?? null,
    })),
  }));
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest command name to a mistyped one (prefix first, then edit distance up to a third of its length), or null. */
export function suggestCommand(wanted: string, names: readonly string[]): string | null {
  const w = wanted.toLowerCase();
  const prefixed = names.find((n) => n.startsWith(w) || n.split(' ').at(-1)!.startsWith(w));
  if (prefixed) return prefixed;
  const scored = names.map((n) => ({ n, d: Math.min(distance(w, n), distance(w, n.split(' ').at(-1)!)) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  return best && best.d <= Math.max(2, Math.floor(w.length / 3)) ? best.n : null;
}

/** All command names, the built-in ones included. */
export const commandNames = (commands: readonly CliCommand[]): string[] => [...commands.map((c) => c.name), 'help', 'completion'];

export function unknownCommand(wanted: string, commands: readonly CliCommand[]): UsageError {
  const guess = suggestCommand(wanted, commandNames(commands));
  return new UsageError(`Unknown command "${wanted}".${guess ? ` Did you mean "hearth ${guess}"?` : ''} Run: hearth help`);
}

/** `hearth help [words…]`: a command's help, the commands of a group ("vault"), or everything. */
export function helpFor(words: string[], commands: readonly CliCommand[]): string {
  if (words.length === 0) return usageText(commands);
  const wanted = words.join(' ');
  const exact = commands.find((c) => c.name === wanted);
  if (exact) return commandHelp(exact);
  const group = commands.filter((c) => c.name.startsWith(`${wanted} `));
  if (group.length > 0) return `${listing(group.map((c) => [c.usage, c.summary] as const))}\n\nRun \`hearth help COMMAND\` for its options.\n`;
  throw unknownCommand(wanted, commands);
}
