import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { wipe } from '../crypto/cipher';
import { deriveMasterKey } from '../crypto/kdf';
import { ProfileStore } from '../profile/profile-store';
import { median, msSince, timeAsync, type Measurement } from './measure';
import { bitwardenExportJson, vaultItems } from './vault-data';

/**
 * CLI startup: wall and CPU time of real `hearth` processes, against `node -e 0` measured in the same
 * run (Node's own start). `vault search` runs on a profile holding 10k items at the default KDF cost, so
 * it is reported as the KDF (measured here with the keyring's parameters) plus everything else.
 */
export interface CliBenchOptions {
  /** An empty folder: the profile home and the CPU-report preload go here. */
  root: string;
  items: number;
  runs: number;
}

const PASSWORD = 'correct horse battery staple';
const PROFILE_LIST_MS = 150;
const SEARCH_OVER_KDF_MS = 100;
const CLI = path.resolve(__dirname, 'cli.cjs');
const BIN = path.resolve(__dirname, '../../bin/hearth.mjs');

/**
 * Loaded with `node -r` into each measured process: on exit it writes the process's CPU time (all
 * threads: argon2 and worker threads included) and, when asked, how long each package took to load.
 */
const PRELOAD = `const out = process.env.HEARTH_BENCH_REPORT;
const loads = [];
if (process.env.HEARTH_BENCH_LOADS === '1') {
  const Module = require('node:module');
  const load = Module._load;
  let depth = 0;
  Module._load = function (request, parent) {
    const start = process.hrtime.bigint();
    depth++;
    try { return load.apply(this, arguments); } finally {
      depth--;
      const fromHearth = parent && /[\\\\/]dist[\\\\/]main[\\\\/]/.test(parent.filename || '');
      if (fromHearth && !request.startsWith('.')) loads.push([request, Number(process.hrtime.bigint() - start) / 1e6]);
    }
  };
}
process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(out, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, loads }));
});
`;

interface Run {
  wallMs: number;
  cpuMs: number;
  loads: [string, number][];
}

export async function benchCliStartup(opts: CliBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const home = path.join(opts.root, 'home');
  mkdirSync(home);
  const preload = path.join(opts.root, 'cpu-report.cjs');
  const report = path.join(opts.root, 'report.json');
  writeFileSync(preload, PRELOAD);
  // No HEARTH_KDF_MEMORY_KIB: the profile gets the default KDF cost, as a real one does.
  const env: NodeJS.ProcessEnv = { ...process.env, HEARTH_HOME: home, HEARTH_PASSWORD: PASSWORD, HEARTH_KDF_MEMORY_KIB: '', HEARTH_LOG: '' };

  const run = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Run => {
    rmSync(report, { force: true });
    const start = process.hrtime.bigint();
    const res = spawnSync(process.execPath, ['-r', preload, ...args], {
      env: { ...env, ...extraEnv, HEARTH_BENCH_REPORT: report },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = msSince(start);
    if (res.status !== 0) throw new Error(`${args.slice(1).join(' ')} exited ${res.status}: ${res.stderr}`);
    const { cpuMs, loads } = JSON.parse(readFileSync(report, 'utf8')) as { cpuMs: number; loads: [string, number][] };
    return { wallMs, cpuMs, loads };
  };

  // A real profile with N items, made by the CLI itself (profile create, then a Bitwarden JSON import).
  run([CLI, 'profile', 'create', '--name', 'CLI bench']);
  const exportFile = path.join(opts.root, 'bitwarden.json');
  writeFileSync(exportFile, bitwardenExportJson(vaultItems(opts.items)));
  run([CLI, 'vault', 'import', exportFile]);
  rmSync(exportFile);

  const commands = {
    node: ['-e', '0'],
    list: [CLI, 'profile', 'list'],
    ops: [BIN, 'ops'],
    search: [CLI, 'vault', 'search', 'github'],
  } as const;
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as Run[]])) as Record<keyof typeof commands, Run[]>;
  for (const args of Object.values(commands)) run([...args]); // warm-up: file cache, code cache
  // Alternate the commands round by round so drift on a shared machine affects them all alike.
  for (let i = 0; i < opts.runs; i++) for (const [name, args] of Object.entries(commands)) samples[name as keyof typeof commands].push(run([...args]));

  const store = new ProfileStore(home);
  const [profile] = await store.list();
  const { kdf: params } = await store.readKeyring(profile!.id);
  const kdf: number[] = [];
  // One warm-up, then one at a time: concurrent hashes would share the cores and each look slower.
  for (let i = 0; i < 4; i++) kdf.push(await timeAsync(async () => wipe(await deriveMasterKey(PASSWORD, params))));
  const kdfMs = median(kdf.slice(1));

  const wall = (k: keyof typeof commands) => median(samples[k].map((r) => r.wallMs));
  const cpu = (k: keyof typeof commands) => median(samples[k].map((r) => r.cpuMs));
  const group = `CLI startup (median of ${opts.runs} processes; baseline: node -e 0 in the same run)`;
  const row = (name: string, value: number, extra: Partial<Measurement> = {}): Measurement => ({ group, name, value, unit: 'ms', ...extra });
  const search = `vault search (${opts.items / 1000}k items, unlock included)`;
  const measurements: Measurement[] = [
    row('node -e 0, wall', wall('node')),
    row('node -e 0, CPU', cpu('node')),
    row('node dist/main/cli.cjs profile list, wall', wall('list'), {
      baseline: wall('node'),
      target: `< ${PROFILE_LIST_MS} ms`,
      pass: wall('list') < PROFILE_LIST_MS,
    }),
    row('profile list, CPU', cpu('list'), { baseline: cpu('node') }),
    row('hearth ops, wall', wall('ops'), { baseline: wall('node') }),
    row('hearth ops, CPU', cpu('ops'), { baseline: cpu('node') }),
    row(`${search}, wall`, wall('search'), { baseline: kdfMs, target: `< KDF + ${SEARCH_OVER_KDF_MS} ms`, pass: wall('search') < kdfMs + SEARCH_OVER_KDF_MS }),
    row(`${search}, wall minus KDF`, wall('search') - kdfMs),
    row(`${search}, CPU`, cpu('search')),
    row(`Argon2id KDF alone (${params.memoryKiB / 1024} MiB, t=${params.iterations}, p=${params.parallelism}), in-process`, kdfMs),
  ];
  return { measurements, notes: [loadNote(run([CLI, 'profile', 'list'], { HEARTH_BENCH_LOADS: '1' }))] };
}

/** Where `profile list` spends its start: the packages it loads, slowest first. */
function loadNote(r: Run): string {
  const total = r.loads.reduce((a, [, ms]) => a + ms, 0);
  const top = [...r.loads]
    .sort((a, b) => b[1] - a[1])
    .filter(([, ms]) => ms >= 2)
    .slice(0, 8);
  const list = top.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ');
  return `CLI profile list loads packages for ${total.toFixed(0)} ms of its ${r.wallMs.toFixed(0)} ms: ${list || 'none over 2 ms'}.`;
}
