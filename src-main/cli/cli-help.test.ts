import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, HEARTH_BIN, hearth, ok, REPO } from '../test/cli';
import { tempRoot } from '../test/helpers';
import { suggestCommand } from './help';

const run = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
/** A log line from src-main/lib/log.ts: ISO time, level, message. */
const LOG_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+Z (INFO|WARN|ERROR) /m;
/** The app logs when HEARTH_LOG is set; the CLI's level comes from --verbose alone, so scripts get a clean stderr. */
const QUIET_ENV = { HEARTH_LOG: '1' };

describe('cli command suggestions', () => {
  const names = ['profile create', 'profile list', 'ops', 'call', 'vault search', 'vault import', 'help', 'completion'];

  it('suggests the closest command for a typo or a prefix, and nothing for a far-off word', () => {
    expect(suggestCommand('vault serch', names)).toBe('vault search');
    expect(suggestCommand('opz', names)).toBe('ops');
    expect(suggestCommand('prof', names)).toBe('profile create');
    expect(suggestCommand('complet', names)).toBe('completion');
    expect(suggestCommand('cal', names)).toBe('call');
    expect(suggestCommand('frobnicate', names)).toBeNull();
  });
});

// Each test spawns real CLI processes (a second or more each on a busy machine).
describe('cli help, version, completion and log output (built CLI)', { timeout: 240_000 }, () => {
  beforeAll(assertCliBuilt);

  it('prints the version and exits 0', async () => {
    const res = ok(await hearth(['--version'], { HEARTH_HOME: tempRoot() }));
    expect(res.stdout).toBe(`${VERSION}\n`);
  });

  it("prints one command's usage, summary and described options; an unknown command exits 2 with a suggestion", async () => {
    const env = { HEARTH_HOME: tempRoot() };
    const help = ok(await hearth(['help', 'profile', 'create'], env)).stdout;
    expect(help).toMatch(/^Usage: hearth profile create --name NAME/);
    expect(help).toContain('Create a profile and print its recovery key (once)');
    expect(help).toMatch(/--name NAME +The profile name/);
    expect(help).toMatch(/--allow-weak-password +Accept a master password/);
    expect(help).toMatch(/--password-file FILE +A file whose first line is the master password/);
    expect(help).toMatch(/--verbose +Print log lines/);
    // `--help` after a command shows the same text.
    expect(ok(await hearth(['profile', 'create', '--help'], env)).stdout).toBe(help);

    const group = ok(await hearth(['help', 'vault'], env)).stdout;
    expect(group).toContain('hearth vault search');
    expect(group).not.toContain('hearth profile');

    const unknown = await hearth(['help', 'vault', 'serch'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(JSON.parse(unknown.stderr)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Did you mean "hearth vault search"?') },
    });
    const typo = await hearth(['profile', 'lst'], env);
    expect(typo.code).toBe(2);
    expect(JSON.parse(typo.stderr)).toMatchObject({ error: { message: expect.stringContaining('"hearth profile list"') } });
  });

  it('describes every option of every command (help --json)', async () => {
    const res = ok(await hearth(['help', '--json'], { HEARTH_HOME: tempRoot() }));
    const commands = JSON.parse(res.stdout) as { name: string; options: { name: string; description: string | null }[] }[];
    expect(commands.map((c) => c.name)).toEqual(
      expect.arrayContaining(['profile create', 'profile list', 'ops', 'call', 'serve', 'vault import', 'batches labels']),
    );
    const undescribed = commands.flatMap((c) => c.options.filter((o) => !o.description).map((o) => `${c.name} --${o.name}`));
    expect(undescribed).toEqual([]);
    expect(commands.find((c) => c.name === 'vault import')?.options.map((o) => o.name)).toEqual(['format', 'dry-run', 'source-password-file', 'key-file']);
  });

  it('prints a bash completion script that bash sources and registers, generated from the command list', async () => {
    const script = ok(await hearth(['completion', 'bash'], { HEARTH_HOME: tempRoot() })).stdout;
    const file = path.join(tempRoot(), 'hearth.bash');
    writeFileSync(file, script);
    const registered = await run('bash', ['-c', `source <("${process.execPath}" "${HEARTH_BIN}" completion bash) && complete -p hearth`]);
    expect(registered.stdout.trim()).toBe('complete -o default -F _hearth hearth');
    // Drive the completion function the way bash does on <TAB>, for a command word, a sub-command and an option.
    const complete = async (...words: string[]) => {
      const line = ['hearth', ...words];
      const cmd = `source "${file}"; COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _hearth; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return (await run('bash', ['-c', cmd])).stdout.trim().split('\n');
    };
    expect(await complete('va')).toEqual(['vault']);
    expect(await complete('vault', 's')).toEqual(['search']);
    expect(await complete('vault', 'import', 'x.json', '--dr')).toEqual(['--dry-run']);
    expect(await complete('profile', 'list', '--ver')).toEqual(['--verbose']);
    expect(await complete('completion', '')).toEqual(['bash', 'zsh']);

    const zsh = ok(await hearth(['completion', 'zsh'], { HEARTH_HOME: tempRoot() })).stdout;
    expect(zsh).toMatch(/^#compdef hearth\n/);
    expect(zsh).toContain('"vault import") opts=(--format --dry-run --source-password-file --key-file)');
    const fish = await hearth(['completion', 'fish'], { HEARTH_HOME: tempRoot() });
    expect(fish.code).toBe(2);
    expect(JSON.parse(fish.stderr)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('prints no log lines unless --verbose, and errors stay one JSON object on stderr', async () => {
    const env = { HEARTH_HOME: tempRoot(), ...QUIET_ENV };
    const quiet = ok(await hearth(['profile', 'list'], env));
    expect(quiet.stderr).toBe('');
    const verbose = ok(await hearth(['profile', 'list', '--verbose'], env));
    expect(verbose.stderr).toMatch(LOG_LINE);
    expect(verbose.stderr).toContain('INFO [core] ready (cli)');
    expect(verbose.stdout).toBe(quiet.stdout);

    const failed = await hearth(['vault', 'search', 'x'], env);
    expect(failed.code).toBe(2);
    expect(failed.stderr).not.toMatch(LOG_LINE);
    expect(JSON.parse(failed.stderr)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('No profiles yet') } });
  });
});

describe('hearth output into a closed pipe', () => {
  it('stops quietly when the reader goes away (hearth ops | head -1)', async () => {
    assertCliBuilt();
    const { spawnSync } = await import('node:child_process');
    const out = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${HEARTH_BIN}" ops | head -c 10 >/dev/null; echo "status \${PIPESTATUS[0]}"`],
      { encoding: 'utf8', env: { ...process.env, HEARTH_HOME: tempRoot() } },
    );
    expect(out.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(out.stdout).toMatch(/status 0/);
  });
});
