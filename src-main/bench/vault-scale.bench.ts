import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppClient } from '../../src-shared/ipc/channels';
import { AppError } from '../../src-shared/ipc/result';
import { formatMiB, MAX_IMPORT_BYTES, MiB } from '../../src-shared/lib/limits';
import { createCore, type Core } from '../app/bootstrap';
import { routerClient } from '../app/router-client';
import { KDF_FLOOR } from '../crypto/kdf';
import type { FilePort } from '../lib/file-port';
import { VaultSearchIndex } from '../domains/vault/vault-search';
import { vaultRepository } from '../domains/vault/vault.repository';
import { toSummary } from '../domains/vault/vault-mapping';
import { msSince, percentile, progress, timeAsync, type Measurement } from './measure';
import { bitwardenExportJson, VAULT_QUERIES, vaultItems } from './vault-data';
import { benchVaultItems } from './vault.bench';

/**
 * Vault at scale (issue 13): N items (100,000 by default, `HEARTH_BENCH_VAULT_ITEMS`) in a real
 * unlocked profile, driven through the router as the CLI and the renderer drive it. Rows: the health
 * report cold (strength cache empty) and warm, search p95, the first list page (after unlock and warm),
 * and the import of an N-item Bitwarden JSON export (in a fresh process, for its own peak RSS). Each
 * row has a same-run baseline: a plain SQL read of what the op reads, or the same op over N/10 items.
 */
export interface VaultScaleOptions {
  root: string;
  items: number;
  /** Passes over VAULT_QUERIES for the search latency. */
  searchRounds: number;
  /** First-page calls for the warm latency. */
  pageCalls: number;
}

export const VAULT_SCALE_ITEMS = Number(process.env.HEARTH_BENCH_VAULT_ITEMS) || 100_000;
/** The flag that makes bench.cjs run only {@link benchVaultImport} in a fresh process and print JSON rows. */
export const VAULT_IMPORT_CHILD_FLAG = '--vault-import-child';

const rssMiB = () =>
  `RSS ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB, heap ${(process.memoryUsage().heapUsed / MiB).toFixed(0)} MiB, external ${(process.memoryUsage().external / MiB).toFixed(0)} MiB`;
const GOALS = { healthMs: 2000, searchP95Ms: 16, firstPageMs: 50, importMs: 20_000, importRssMiB: 500 } as const;
const PAGE = 100;
const PASSWORD = 'correct horse battery staple';
const group = (n: number) => `Vault at scale (${(n / 1000).toLocaleString('en-US')}k items, router on an unlocked profile)`;

interface ScaleProfile {
  core: Core;
  client: AppClient;
  profileId: string;
}

/** A fresh profile at the KDF floor (the KDF is measured in foundation.bench.ts), and the router's typed client. */
async function openProfile(root: string, files?: FilePort): Promise<ScaleProfile> {
  const core = createCore({ root, transport: 'cli', version: 'bench', kdfCost: KDF_FLOOR, resourcesDir: path.resolve(__dirname, '../../resources'), files });
  const client = routerClient(core, 'cli');
  const { profile } = await client.profile.create({ name: 'Vault scale bench', password: PASSWORD, allowWeakPassword: false });
  return { core, client, profileId: profile.id };
}

const goalRow = (g: string, name: string, value: number, baseline: number, goal: number, unit: 'ms' | 'MiB' = 'ms'): Measurement => ({
  group: g,
  name,
  value,
  unit,
  baseline,
  ratio: value / baseline,
  target: `< ${goal.toLocaleString('en-US')} ${unit}`,
  pass: value < goal,
});

export async function benchVaultScale(opts: VaultScaleOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const g = group(opts.items);
  const p = await openProfile(opts.root);
  const { core, client } = p;
  try {
    const items = vaultItems(opts.items);
    const domain = core.domainContext('vault');
    progress(`  vault-scale: inserting ${opts.items} items`);
    // Setup through the import's own write (one transaction, change log included), not the router: the
    // router's import is measured on its own below, in a fresh process.
    const insertMs = await timeAsync(() =>
      benchVaultItems(core).importItems(
        items.map((item) => ({ item, passwordHistory: [] })),
        false,
      ),
    );
    const measurements: Measurement[] = [
      { group: g, name: `setup: insert ${opts.items.toLocaleString('en-US')} items in one write`, value: insertMs, unit: 'ms' },
    ];

    // List: the first page right after unlock (the live cache loads) and once loaded; baseline a plain SQL page.
    const sqlPage = await timeAsync(() =>
      sql`SELECT id, title, subtitle FROM vault_items WHERE deleted_at IS NULL ORDER BY title LIMIT ${PAGE}`.execute(domain.db()),
    );
    await client.session.lock();
    await client.profile.unlock({ profileId: p.profileId, password: PASSWORD });
    const afterUnlock = await timeAsync(() => client.vault.list({ limit: PAGE }));
    const warm: number[] = [];
    for (let i = 0; i < opts.pageCalls; i++) warm.push(await timeAsync(() => client.vault.list({ limit: PAGE })));
    measurements.push(
      goalRow(g, `list: first page (${PAGE}) right after unlock (live cache loads)`, afterUnlock, sqlPage, GOALS.firstPageMs),
      goalRow(g, `list: first page (${PAGE}), cache loaded, p95 of ${opts.pageCalls}`, percentile(warm, 95), sqlPage, GOALS.firstPageMs),
    );

    // Search through the router; baseline the same queries over a bare index of N/10 items.
    const search: number[] = [];
    for (let r = 0; r < opts.searchRounds; r++)
      for (const query of VAULT_QUERIES) search.push(await timeAsync(() => client.vault.list({ query, limit: PAGE })));
    const rows = await vaultRepository.listAll(domain.db(), false);
    const small = new VaultSearchIndex(rows.slice(0, Math.ceil(rows.length / 10)).map((r) => ({ ...toSummary(r), notes: r.notes })));
    const smallSamples: number[] = [];
    for (let r = 0; r < opts.searchRounds; r++)
      for (const q of VAULT_QUERIES) {
        const start = process.hrtime.bigint();
        small.search(q, PAGE);
        smallSamples.push(msSince(start));
      }
    measurements.push(
      goalRow(
        g,
        `search: list({query}) p95, ${VAULT_QUERIES.length} queries × ${opts.searchRounds} (baseline: bare index over N/10)`,
        percentile(search, 95),
        percentile(smallSamples, 95),
        GOALS.searchP95Ms,
      ),
    );

    // Health: cold (strength cache empty: every distinct password scored in workers) and warm; baseline the row scan.
    const scan = await timeAsync(() => vaultRepository.liveLogins(domain.db()));
    progress('  vault-scale: health report, cold');
    const cold = await timeAsync(() => client.vault.health());
    const warmHealth = await timeAsync(() => client.vault.health());
    measurements.push(
      {
        group: g,
        name: 'health: report cold (strength cache empty, zxcvbn for every distinct password)',
        value: cold,
        unit: 'ms',
        baseline: scan,
        ratio: cold / scan,
      },
      goalRow(g, 'health: report warm (every verdict cached; baseline: SQL scan of the logins)', warmHealth, scan, GOALS.healthMs),
    );
    measurements.push(...benchVaultImportInChild(g, opts.items));
    return { measurements, notes: [] };
  } finally {
    core.shutdown();
  }
}

/** Runs {@link benchVaultImport} in a fresh bench process, so its peak RSS is the import's own. */
export function benchVaultImportInChild(g: string, count: number): Measurement[] {
  progress(`  vault-scale: import of ${count} items in a child process`);
  const out = execFileSync(process.execPath, [process.argv[1]!, VAULT_IMPORT_CHILD_FLAG, g, String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Measurement[];
}

/**
 * Import of an N-item Bitwarden JSON export into a fresh profile through the router, the file handed
 * over as main's open dialog does in the app (a FilePort that enforces `maxBytes` like the real one):
 * preview (parse in a worker, duplicate check) and commit (one transaction); then the process's peak
 * RSS (file bytes included). Baseline: the same import of N/10 items, first. When the N-item file is over
 * MAX_IMPORT_BYTES the import is refused (TOO_LARGE): the rows then say so, and time the largest import
 * that fits, with the time scaled linearly to N.
 */
export async function benchVaultImport(g: string, count: number): Promise<Measurement[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-import-'));
  let file: { fileName: string; bytes: Buffer } | null = null;
  const files: FilePort = {
    pickOpen: async ({ maxBytes }) => {
      if (file && file.bytes.length > maxBytes) throw new AppError('TOO_LARGE', `Import files are limited to ${formatMiB(maxBytes)}.`);
      return file;
    },
    save: async () => null,
  };
  const p = await openProfile(root, files);
  try {
    const exportOf = (n: number) => Buffer.from(bitwardenExportJson(vaultItems(n, 17 + n)), 'utf8');
    const run = async (bytes: Buffer) => {
      file = { fileName: 'bitwarden.json', bytes };
      return timeAsync(async () => {
        const pre = await p.client.vault.importPreview({ format: 'bitwarden-json' });
        progress(`  vault-scale import: previewed ${pre.total} items, ${rssMiB()}`);
        await p.client.vault.importCommit({ importId: pre.importId, skipDuplicates: true });
        progress(`  vault-scale import: committed, ${rssMiB()}`);
      });
    };
    const small = await run(exportOf(Math.ceil(count / 10)));
    let full: Buffer | null = exportOf(count);
    const fullBytes = full.length;
    const fits = fullBytes <= MAX_IMPORT_BYTES;
    const n = fits ? count : Math.floor((count * MAX_IMPORT_BYTES * 0.95) / fullBytes);
    const bytes = fits ? full : exportOf(n);
    full = null;
    const ms = await run(bytes);
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    const label = `import Bitwarden JSON, ${count.toLocaleString('en-US')} items`;
    const rows: Measurement[] = [];
    if (!fits) {
      rows.push(
        {
          group: g,
          name: `${label}: file size (MAX_IMPORT_BYTES ${formatMiB(MAX_IMPORT_BYTES)}: refused)`,
          value: fullBytes / MiB,
          unit: 'MiB',
          target: `≤ ${formatMiB(MAX_IMPORT_BYTES)}`,
          pass: false,
        },
        {
          group: g,
          name: `import Bitwarden JSON, ${n.toLocaleString('en-US')} items (the most that fit): time`,
          value: ms,
          unit: 'ms',
          baseline: small,
          ratio: ms / small,
        },
      );
    }
    rows.push(
      goalRow(g, `${label}${fits ? '' : ' (scaled from the largest that fits)'}: time (baseline: N/10 items)`, (ms * count) / n, small, GOALS.importMs),
      {
        group: g,
        name: `${label}: process peak RSS${fits ? '' : ` (${n.toLocaleString('en-US')} items)`}`,
        value: peakMiB,
        unit: 'MiB',
        target: `< ${GOALS.importRssMiB} MiB`,
        pass: peakMiB < GOALS.importRssMiB,
      },
    );
    return rows;
  } finally {
    p.core.shutdown();
    rmSync(root, { recursive: true, force: true });
  }
}
