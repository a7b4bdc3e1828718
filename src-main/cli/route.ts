import { GLOBAL_OPTIONS, type CliCommand } from './commands';
import { completionScript } from './completion';
import { commandHelp, helpFor, helpJson, unknownCommand, usageText } from './help';
import { EXIT, printJson, printText } from './io';

/**
 * Picks the command for argv, or answers `--version`, `help`, `completion` and `--help` itself.
 * Those never build a core or open a profile, so they are fast and work without HEARTH_HOME.
 */
export type Route = { exit: number } | { command: CliCommand; rest: string[] };

/** Global options that take a value: `--profile Shop vault search` must not read "Shop" as the command. */
const VALUE_FLAGS = new Set(Object.entries(GLOBAL_OPTIONS).flatMap(([name, spec]) => (spec.type === 'string' ? [`--${name}`] : [])));

/** Indexes of the non-option words in argv (values of global options skipped). */
function wordIndexes(argv: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_FLAGS.has(arg)) i++;
    else if (!arg.startsWith('-')) out.push(i);
  }
  return out;
}

function findCommand(argv: string[], commands: readonly CliCommand[]): { command: CliCommand; rest: string[] } | null {
  const at = wordIndexes(argv);
  const [first, second] = [argv[at[0]!], argv[at[1]!]];
  const two = commands.find((c) => c.name === `${first} ${second}`);
  const match = two ?? commands.find((c) => c.name === first);
  if (!match) return null;
  const drop = new Set(two ? at.slice(0, 2) : at.slice(0, 1));
  return { command: match, rest: argv.filter((_, i) => !drop.has(i)) };
}

export function route(argv: string[], commands: readonly CliCommand[], version: string): Route {
  const words = wordIndexes(argv).map((i) => argv[i]!);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (words.length === 0 && argv.includes('--version')) {
    printText(`${version}\n`);
    return { exit: EXIT.ok };
  }
  if (words[0] === 'help') {
    if (argv.includes('--json')) printJson(helpJson(commands));
    else printText(helpFor(words.slice(1), commands));
    return { exit: EXIT.ok };
  }
  if (words[0] === 'completion') {
    printText(completionScript(words[1], commands));
    return { exit: EXIT.ok };
  }
  const found = findCommand(argv, commands);
  if (found && wantsHelp) {
    printText(commandHelp(found.command));
    return { exit: EXIT.ok };
  }
  if (found) return found;
  const group = words[0] !== undefined && commands.some((c) => c.name.startsWith(`${words[0]} `));
  if (group && (words.length === 1 || wantsHelp)) {
    // `hearth vault`: list that group's commands (exit 2 unless asked for with --help).
    printText(helpFor(words.slice(0, 1), commands));
    return { exit: wantsHelp ? EXIT.ok : EXIT.badInput };
  }
  if (words.length > 0 && !wantsHelp) throw unknownCommand(words.slice(0, group ? 2 : 1).join(' '), commands);
  printText(usageText(commands));
  return { exit: wantsHelp ? EXIT.ok : EXIT.badInput };
}
