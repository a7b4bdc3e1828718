import type { CliCommand } from '../cli/commands';
import { EXIT, printJson, printText, readPassword, UsageError } from '../cli/io';

const profileCreate: CliCommand = {
  name: 'profile create',
  usage: 'hearth profile create --name NAME [--password-file F] [--allow-weak-password]',
  summary: 'Create a profile and print its recovery key (once)',
  options: { name: { type: 'string' }, 'allow-weak-password': { type: 'boolean' } },
  optionHelp: {
    name: 'The profile name shown in the app and used with --profile',
    'allow-weak-password': 'Accept a master password the strength check rejects (not recommended)',
  },
  async run(ctx, { values }) {
    const name = values.name;
    if (typeof name !== 'string') throw new UsageError('Give the profile a name: --name NAME');
    const password = await readPassword({ passwordFile: ctx.flags.passwordFile, prompt: 'New master password: ', confirm: true });
    const allowWeakPassword = values['allow-weak-password'] === true;
    if (allowWeakPassword)
      process.stderr.write('WARNING: --allow-weak-password: a master password that is easy to guess protects nothing if keyring.json leaks.\n');
    const out = await ctx.client.profile.create({ name, password, allowWeakPassword });
    if (ctx.flags.json) printJson(out);
    else {
      printText(`Created profile "${out.profile.name}" (${out.profile.id}).\n\n`);
      printText(`Recovery key (shown once; store it offline, it unlocks the profile if you forget the password):\n\n    ${out.recoveryKey}\n\n`);
    }
    return EXIT.ok;
  },
};

const profileList: CliCommand = {
  name: 'profile list',
  usage: 'hearth profile list [--json]',
  summary: 'List profiles',
  async run(ctx) {
    const list = await ctx.client.profile.list();
    if (ctx.flags.json) printJson(list);
    else for (const p of list) printText(`${p.name}\t${p.id}\t${p.createdAt}\n`);
    return EXIT.ok;
  },
};

/** The profile module's commands (listed with it in app/modules.ts). */
export const profileCommands: CliCommand[] = [profileCreate, profileList];
