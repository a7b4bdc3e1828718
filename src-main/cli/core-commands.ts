import { z } from 'zod';
import { channelOf, type Contract } from '../../src-shared/ipc/define';
import { AppError } from '../../src-shared/ipc/result';
import type { CliCommand } from './commands';
import { rendererDirFrom } from './context';
import { EXIT, findSecretKey, printJson, printText, readInputFile, readStdin, UsageError } from './io';

/** Every operation with its input as JSON Schema, generated from the zod contract. */
export function describeOperations(contracts: readonly Contract[]): { op: string; summary: string; requiresUnlock: boolean; input: unknown }[] {
  return contracts.flatMap((c) =>
    Object.entries(c.ops).map(([name, def]) => ({
      op: channelOf(c.name, name),
      summary: def.summary,
      requiresUnlock: !def.public,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    })),
  );
}

const ops: CliCommand = {
  name: 'ops',
  usage: 'hearth ops [--json]',
  summary: 'List every operation with its input schema',
  async run(ctx) {
    const list = describeOperations(ctx.core.modules.map((m) => m.contract));
    if (ctx.flags.json) printJson(list);
    else for (const o of list) printText(`${o.op.padEnd(32)} ${o.requiresUnlock ? '🔒' : '  '} ${o.summary}\n    input: ${JSON.stringify(o.input)}\n`);
    return EXIT.ok;
  },
};

const call: CliCommand = {
  name: 'call',
  usage: "hearth call <domain.op> ['<json>' | - | --input-file F] [--profile NAME] [--password-file F]",
  summary: 'Call one operation and print its result as JSON (secrets only from stdin or a file)',
  options: { 'input-file': { type: 'string' } },
  optionHelp: { 'input-file': 'Read the JSON input from this file (the way to pass secrets, like stdin with -)' },
  async run(ctx, { positionals, values }) {
    const [opName, arg] = positionals;
    if (!opName) throw new UsageError('Which operation? Run: hearth ops');
    const channel = opName.replace('.', ':');
    const [domain, name] = channel.split(':') as [string, string | undefined];
    const contract = ctx.core.modules.find((m) => m.contract.name === domain)?.contract;
    const def = name ? contract?.ops[name] : undefined;
    if (!def) throw new UsageError(`Unknown operation ${opName}. Run: hearth ops`);
    const inputFile = values['input-file'];
    if (typeof inputFile === 'string' && arg !== undefined) throw new UsageError('Give the input once: as an argument, as - (stdin) or with --input-file.');
    const fromArgv = arg !== undefined && arg !== '-';
    const text = typeof inputFile === 'string' ? await readInputFile(inputFile) : arg === '-' ? await readStdin() : arg;
    let input: unknown;
    try {
      input = text === undefined ? undefined : JSON.parse(text);
    } catch {
      throw new UsageError('The input is not valid JSON.');
    }
    const secret = fromArgv ? findSecretKey(input) : null;
    if (secret !== null) {
      // SECURITY: arguments are visible to every local user in `ps` and end up in shell history.
      throw new UsageError(
        `"${secret}" is a secret: do not put it on the command line. Pipe the JSON in (hearth call ${opName} - < input.json) or use --input-file F.`,
      );
    }
    if (!def.public) await ctx.unlock();
    // `hearth call` names its operation at run time: the one place the CLI dispatches by channel name.
    const result = await ctx.core.router.dispatch(channel, input, { transport: 'cli' });
    if (!result.ok) throw AppError.fromData(result.error);
    printJson(result.value);
    return EXIT.ok;
  },
};

const serve: CliCommand = {
  name: 'serve',
  usage: 'hearth serve [--port N]',
  summary: 'Browser mode: serve the app on 127.0.0.1 with a per-launch token',
  options: { port: { type: 'string' } },
  optionHelp: { port: 'The port on 127.0.0.1 to listen on (default: any free port)' },
  transport: 'web',
  async run(ctx, { values }) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535.');
    // Loaded here, not at the top: only `serve` needs the HTTP server, and every other command starts faster without it.
    const { startWebHost } = await import('../host/web');
    const { serveTestClock } = await import('../host/test-clock');
    const testHooks = process.env.HEARTH_TEST_HOOKS === '1';
    const host = await startWebHost({
      core: ctx.core,
      rendererDir: rendererDirFrom(__dirname),
      port,
      testHooks,
      testClock: testHooks ? serveTestClock : undefined,
    });
    if (process.env.HEARTH_TEST_HOOKS === '1') process.stderr.write('WARNING: test hooks are on (HEARTH_TEST_HOOKS=1); never use this for real data.\n');
    printText(`Hearth is running in browser mode. Open this URL (it holds this launch's token):\n\n    ${host.url}\n\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    return EXIT.ok;
  },
};

/** Commands of the CLI itself, not of a module. */
export const coreCommands: CliCommand[] = [ops, call, serve];
