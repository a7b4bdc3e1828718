import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_CACHE_KIB } from '../db/connection';
import { parseImport } from '../domains/vault/import';
import { benchBatches } from './batches.bench';
import { benchBatchesImport } from './batches-import.bench';
import { benchBlobs } from './blobs.bench';
import { benchCalendar } from './calendar.bench';
import { benchCliStartup } from './cli.bench';
import { benchEmail, EMAIL_MBOX_CHILD_FLAG, emailMboxChild } from './email.bench';
import { benchFiles } from './files.bench';
import { benchGoals } from './goals-analytics.bench';
import { benchGoalsToday } from './goals-today.bench';
import { benchUnlock } from './foundation.bench';
import { benchUnlockLarge } from './unlock-large.bench';
import { benchJobs } from './jobs.bench';
import { benchJournal } from './journal.bench';
import { msSince, progress, type Measurement } from './measure';
import { benchStore, type StoreBenchResult } from './store.bench';
import { benchSync } from './sync.bench';
import { benchVault } from './vault.bench';
import { benchVaultImport, benchVaultScale, VAULT_IMPORT_CHILD_FLAG, VAULT_SCALE_ITEMS } from './vault-scale.bench';
import { benchKdbxExport, KDBX_CHILD_FLAG } from './vault-kdbx.bench';

/**
 * `npm run bench`: the speed targets (never asserted in unit tests). Prints one aligned table to stdout,
 * progress to stderr, and writes dist/bench-results.json. `--strict` exits 1 when a target fails;
 * `--only <section>` (unlock, store, vault, vault-scale, cli, batches, jobs, blobs, files, journal, calendar, goals, email, sync) runs only
 * that section.
 * Sizes are chosen to finish in about three minutes on two cores; see README.md beside this file.
 */
const CONFIG = {
  unlock: { unlocks: 5, opens: 20 },
  unlockLarge: { mib: Number(process.env.HEARTH_BENCH_UNLOCK_MIB) || 1024, unlocks: 3 },
  store: {
    rows: 100_000,
    chunk: 10_000,
    singleInserts: 2_000,
    pointReads: 20_000,
    rangeReads: 1_000,
    ftsSearches: 100,
    rounds: 3,
    cacheSizesKiB: [2 * 1024, 32 * 1024, 128 * 1024],
  },
  vault: { items: 10_000, serviceRounds: 2, indexRounds: 10, reveals: 200 },
  vaultScale: { items: VAULT_SCALE_ITEMS, searchRounds: 3, pageCalls: 50 },
  blobs: { mib: 512, rounds: 3 },
  files: { mib: Number(process.env.HEARTH_BENCH_FILES_MIB) || 256, fileMib: 8 },
  cli: { items: 10_000, runs: 7 },
  batches: { labels: 1000, batches: Number(process.env.HEARTH_BENCH_BATCHES) || 100_000, rounds: 3 },
  batchesImport: { rows: Number(process.env.HEARTH_BENCH_BATCHES_CSV) || 100_000 },
  jobs: { items: 5_000, labels: 5_000 },
  journal: { notes: 10_000, entries: 100_000, searches: 200, photos: 20, opens: 30 },
  calendar: { series: 200, runs: 20, monthEvents: 5_000, calls: 20, importEvents: 10_000 },
  goals: { today: { tasks: 50_000, repeating: 5_000, calls: 20 }, analytics: { tasks: 40_000, completions: 20_000, calls: 20, parses: 2_000 } },
  sync: {
    devices: Number(process.env.HEARTH_BENCH_SYNC_DEVICES) || 50,
    changes: Number(process.env.HEARTH_BENCH_SYNC_CHANGES) || 1_000,
    batch: 100,
    pullLimit: 500,
  },
  email: { messages: Number(process.env.HEARTH_BENCH_EMAIL_MESSAGES) || (process.argv.includes('--quick') ? 10_000 : 100_000), searches: 200 },
};

const SECTIONS = ['unlock', 'store', 'vault', 'vault-scale', 'cli', 'batches', 'jobs', 'blobs', 'files', 'journal', 'calendar', 'goals', 'email', 'sync'];
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt > -1 ? (process.argv[onlyAt + 1] ?? '') : null;
/** Whether `--only` leaves this section in. */
const runs = (section: string): boolean => ONLY === null || ONLY === section;

const RESULTS_FILE = path.resolve(__dirname, '..', 'bench-results.json');

async function main(): Promise<void> {
  if (ONLY !== null && !SECTIONS.includes(ONLY)) throw new Error(`--only takes one of: ${SECTIONS.join(', ')}`);
  process.env.HEARTH_QUIET ??= '1';
  const started = process.hrtime.bigint();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  let store: StoreBenchResult | undefined;
  try {
    let section = process.hrtime.bigint();
    const done = () => {
      progress(`  done in ${(msSince(section) / 1000).toFixed(1)} s`);
      section = process.hrtime.bigint();
    };
    if (runs('unlock')) {
      progress(`unlock: ${CONFIG.unlock.unlocks} lock/unlock cycles at the default KDF cost`);
      measurements.push(...(await benchUnlock({ root: subdir(tmp, 'unlock'), ...CONFIG.unlock })));
      progress(`unlock: a ${CONFIG.unlockLarge.mib} MiB profile, ${CONFIG.unlockLarge.unlocks} cycles, vs the KDF alone`);
      const large = await benchUnlockLarge({ root: subdir(tmp, 'unlock-large'), ...CONFIG.unlockLarge });
      measurements.push(...large.measurements);
      notes.push(...large.notes);
      done();
    }
    if (runs('store')) {
      progress(`store: ${CONFIG.store.rows} journal rows, encrypted and plain, reads at ${CONFIG.store.cacheSizesKiB.map(mib).join(', ')}`);
      store = benchStore({ dir: subdir(tmp, 'store'), ...CONFIG.store });
      measurements.push(...store.measurements);
      done();
    }
    if (runs('vault')) {
      progress(`vault: ${CONFIG.vault.items} items`);
      const vault = await benchVault({ root: subdir(tmp, 'vault'), ...CONFIG.vault }, (bytes) => parseImport(bytes, { format: 'bitwarden-json' }));
      measurements.push(...vault.measurements);
      notes.push(...vault.notes);
      done();
    }
    if (runs('vault-scale')) {
      progress(`vault-scale: ${CONFIG.vaultScale.items} items: health cold and warm, search, first page, Bitwarden JSON import`);
      const scale = await benchVaultScale({ root: subdir(tmp, 'vault-scale'), ...CONFIG.vaultScale });
      measurements.push(...scale.measurements);
      notes.push(...scale.notes);
      done();
    }
    if (runs('cli')) {
      progress(`cli: startup of ${CONFIG.cli.runs} processes per command, vault search on ${CONFIG.cli.items} items at the default KDF cost`);
      const cli = await benchCliStartup({ root: subdir(tmp, 'cli'), ...CONFIG.cli });
      measurements.push(...cli.measurements);
      notes.push(...cli.notes);
      done();
    }
    if (runs('batches')) {
      progress(`batches: 1,000-label PDF, status and dashboard over ${CONFIG.batches.batches} batches, CSV import of ${CONFIG.batchesImport.rows} rows`);
      const batches = await benchBatches({ root: subdir(tmp, 'batches'), ...CONFIG.batches });
      const csvImport = await benchBatchesImport({ root: subdir(tmp, 'batches-import'), ...CONFIG.batchesImport });
      measurements.push(...batches.measurements, ...csvImport.measurements);
      notes.push(...batches.notes, ...csvImport.notes);
      done();
    }
    if (runs('jobs')) {
      progress(`jobs: vault search through the router while a ${CONFIG.jobs.labels}-label PDF is drawn in a worker, vs idle`);
      measurements.push(...(await benchJobs({ root: subdir(tmp, 'jobs'), ...CONFIG.jobs })));
      done();
    }
    if (runs('blobs')) {
      progress(`file store: ${CONFIG.blobs.mib} MiB through the encrypted blob store and a plain file, ${CONFIG.blobs.rounds} rounds`);
      const blobs = await benchBlobs({ dir: subdir(tmp, 'blobs'), ...CONFIG.blobs });
      measurements.push(...blobs.measurements);
      notes.push(...blobs.notes);
      done();
    }
    if (runs('files')) {
      progress(`files: ${CONFIG.files.mib} MiB of ${CONFIG.files.fileMib} MiB files added to the library vs a plain copy`);
      const files = await benchFiles({ root: subdir(tmp, 'files'), ...CONFIG.files });
      measurements.push(...files.measurements);
      notes.push(...files.notes);
      done();
    }
    if (runs('journal')) {
      progress(
        `journal: import of ${CONFIG.journal.notes} Markdown notes, search over ${CONFIG.journal.entries} entries, an entry with ${CONFIG.journal.photos} photos`,
      );
      const journal = await benchJournal({ root: subdir(tmp, 'journal'), ...CONFIG.journal });
      measurements.push(...journal.measurements);
      notes.push(...journal.notes);
      done();
    }
    if (runs('calendar')) {
      progress(
        `calendar: expand 2027 of ${CONFIG.calendar.series} series vs ical.js, month occurrences with ${CONFIG.calendar.monthEvents} events, import of ${CONFIG.calendar.importEvents}`,
      );
      const calendar = await benchCalendar({ root: subdir(tmp, 'calendar'), ...CONFIG.calendar });
      measurements.push(...calendar.measurements);
      notes.push(...calendar.notes);
      done();
    }
    if (runs('goals')) {
      progress(`goals: today over ${CONFIG.goals.today.tasks} tasks, dashboard over 5 years, weekly review, quick add parse`);
      const today = await benchGoalsToday({ root: subdir(tmp, 'goals-today'), ...CONFIG.goals.today });
      const analytics = await benchGoals({ root: subdir(tmp, 'goals'), ...CONFIG.goals.analytics });
      measurements.push(...today.measurements, ...analytics.measurements);
      notes.push(...today.notes, ...analytics.notes);
      done();
    }
    if (runs('email')) {
      progress(`email: import of a ${CONFIG.email.messages}-message mbox, ${CONFIG.email.searches} searches, mbox export`);
      const email = await benchEmail({ root: subdir(tmp, 'email'), ...CONFIG.email });
      measurements.push(...email.measurements);
      notes.push(...email.notes);
      done();
    }
    if (runs('sync')) {
      progress(`sync: ${CONFIG.sync.devices} devices × ${CONFIG.sync.changes} changes against one server on 127.0.0.1 (real PostgreSQL)`);
      const sync = await benchSync(CONFIG.sync);
      measurements.push(...sync.measurements);
      notes.push(...sync.notes);
      done();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (store) notes.unshift(cacheVerdict(store));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${renderTable(measurements)}\n${notes.map((n) => `* ${n}`).join('\n')}\n`);
  const failed = measurements.filter((m) => m.pass === false);
  process.stdout.write(
    `\n${measurements.filter((m) => m.pass !== undefined).length - failed.length} targets met, ${failed.length} missed; ${seconds.toFixed(0)} s.\n`,
  );
  writeResults(measurements, notes, store, seconds);
  if (failed.length > 0 && process.argv.includes('--strict')) process.exitCode = 1;
}

function subdir(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  return dir;
}

const mib = (kib: number): string => `${kib / 1024} MiB`;

function cacheVerdict(store: StoreBenchResult): string {
  const passing = store.cacheVerdicts.filter((v) => v.readsPass);
  const detail = store.cacheVerdicts
    .map((v) => `${mib(v.cacheKiB)} ${v.readsPass ? 'meets' : 'misses'} (worst read ${v.worstReadRatio.toFixed(2)}×)`)
    .join('; ');
  const smallest = passing[0] ? mib(passing[0].cacheKiB) : 'none of those measured';
  const size = `${(store.fileBytes.enc / 1024 / 1024).toFixed(0)} MiB encrypted / ${(store.fileBytes.plain / 1024 / 1024).toFixed(0)} MiB plain`;
  return `cache_size (journal files ${size}): ${detail}. Smallest that meets the read targets: ${smallest}; DEFAULT_CACHE_KIB is ${mib(DEFAULT_CACHE_KIB)}.`;
}

function formatNumber(n: number): string {
  if (n >= 1000) return Math.round(n).toLocaleString('en-US');
  if (n >= 100) return n.toFixed(1);
  if (n >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

const withUnit = (n: number, unit: Measurement['unit']): string => `${formatNumber(n)} ${unit}`;

/** One plain-text table; groups become heading lines. */
export function renderTable(rows: Measurement[]): string {
  const header = ['measurement', 'value', 'baseline', 'ratio', 'target', 'result'];
  const cells = rows.map((m) => [
    m.name,
    withUnit(m.value, m.unit),
    m.baseline === undefined ? '' : withUnit(m.baseline, m.unit),
    m.ratio === undefined ? '' : `${m.ratio.toFixed(2)}×`,
    m.target ?? '',
    m.pass === undefined ? 'info' : m.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => (i === 0 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [line(header), rule];
  let group = '';
  rows.forEach((m, i) => {
    if (m.group !== group) {
      group = m.group;
      out.push('', `${group}`);
    }
    out.push(line(cells[i]!));
  });
  return out.join('\n');
}

function writeResults(measurements: Measurement[], notes: string[], store: StoreBenchResult | undefined, seconds: number): void {
  const probe = new Sqlite(':memory:');
  const versions = probe.prepare('SELECT sqlite_version() AS sqlite, sqlite3mc_version() AS cipher').get();
  probe.close();
  const environment = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    versions,
  };
  const json = {
    date: new Date().toISOString(),
    seconds,
    environment,
    config: CONFIG,
    defaultCacheKiB: DEFAULT_CACHE_KIB,
    cacheVerdicts: store?.cacheVerdicts ?? [],
    measurements,
    notes,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(json, null, 2)}\n`);
  progress(`wrote ${RESULTS_FILE}`);
}

async function kdbxChild(group: string): Promise<void> {
  process.stdout.write(JSON.stringify(await benchKdbxExport(group)));
}

const childAt = process.argv.indexOf(KDBX_CHILD_FLAG);
const vaultImportAt = process.argv.indexOf(VAULT_IMPORT_CHILD_FLAG);
const mboxAt = process.argv.indexOf(EMAIL_MBOX_CHILD_FLAG);
const run =
  vaultImportAt > -1
    ? benchVaultImport(process.argv[vaultImportAt + 1] ?? 'vault-scale', Number(process.argv[vaultImportAt + 2])).then((rows) => {
        process.stdout.write(JSON.stringify(rows));
      })
    : childAt > -1
      ? kdbxChild(process.argv[childAt + 1] ?? 'vault')
      : mboxAt > -1
        ? emailMboxChild(process.argv.slice(mboxAt + 1))
        : main();
run.catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
