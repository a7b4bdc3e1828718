import type { DomainContext } from '../platform/context';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS } from '../../src-shared/domains/settings/settings.schemas';
import { ListItemsInput, RevealInput, type ItemData } from '../../src-shared/domains/vault/vault.schemas';
import { createCore, type Core } from '../app/bootstrap';
import { KDF_FLOOR } from '../crypto/kdf';
import type { Database } from '../db/database';
import type { ImportParseResult } from '../domains/vault/import/types';
import { toSummary } from '../domains/vault/vault-mapping';
import { VaultSearchIndex } from '../domains/vault/vault-search';
import { vaultRepository } from '../domains/vault/vault.repository';
import { createVaultItems, type VaultItems } from '../domains/vault/vault-items';
import { passwordDigest } from '../domains/vault/health';
import { createVaultHealth, healthDigestKey } from '../domains/vault/vault-health';
import { runJob } from '../lib/worker-pool';
import { createJobTracker } from '../platform/jobs/job-tracker';
import { msSince, percentile, seededRandom, timeAsync, type Measurement } from './measure';
import { bitwardenExportJson, VAULT_QUERIES, vaultItems } from './vault-data';
import { benchKdbxExportInChild } from './vault-kdbx.bench';

/**
 * Vault: search latency through the real service and through the bare in-memory index, reveal
 * latency, and a 10k-item insert through the service's `insertItem` in one transaction. Runs on a real
 * unlocked profile (KDF at the floor cost: the KDF is measured in foundation.bench.ts, not here).
 */
export interface VaultBenchOptions {
  root: string;
  items: number;
  /** Passes over VAULT_QUERIES through `list({query})`. */
  serviceRounds: number;
  /** Passes over VAULT_QUERIES through the bare index. */
  indexRounds: number;
  reveals: number;
}

/** Parses export bytes the way `parseImport` from domains/vault/import does. */
export type ImportParse = (bytes: Uint8Array) => Promise<ImportParseResult>;

const PASSWORD = 'correct horse battery staple';
const SEARCH_P95_MS = 16;
const GROUP = (n: number) => `Vault (${n / 1000}k items, real service on an unlocked profile)`;

export interface VaultContext {
  vault: VaultItems;
  db: () => Kysely<Database>;
  write: DomainContext['write'];
  items: ItemData[];
  group: string;
}

export async function benchVault(opts: VaultBenchOptions, importParse?: ImportParse): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const core = createCore({
    root: opts.root,
    transport: 'cli',
    version: 'bench',
    kdfCost: KDF_FLOOR,
    resourcesDir: path.resolve(__dirname, '../../resources'),
  });
  try {
    await core.profiles.create('Vault bench', PASSWORD);
    const domain = core.domainContext('vault');
    const ctx: VaultContext = { vault: benchVaultItems(core), db: domain.db, write: domain.write, items: vaultItems(opts.items), group: GROUP(opts.items) };
    const measurements = [
      await benchInsert(ctx),
      ...(await benchSearch(ctx, opts)),
      ...(await benchReveal(ctx, opts.reveals)),
      ...(await benchHealth(ctx, core.profiles.current().keys.items)),
    ];
    const notes: string[] = [];
    if (importParse) measurements.push(...(await benchVaultImport(importParse, ctx)));
    else
      notes.push('Vault import (Bitwarden JSON): not measured; pass parseImport to benchVaultImport once src-main/domains/vault/import/index.ts has landed.');
    measurements.push(...benchKdbxExportInChild(ctx.group));
    return { measurements, notes };
  } finally {
    core.shutdown();
  }
}

/** The vault's items service on the core's unlocked profile, outside the router (bulk setup, bare timings). */
export function benchVaultItems(core: Pick<Core, 'domainContext' | 'profiles'>): VaultItems {
  const domain = core.domainContext('vault');
  return createVaultItems({
    db: domain.db,
    write: domain.write,
    now: domain.now,
    externalChange: () => undefined,
    itemsKey: () => core.profiles.current().keys.items,
    verifyPassword: (pw) => core.profiles.verifyPassword(pw),
    lock: () => core.profiles.lock('user'),
    clipboard: { copySecret: async () => undefined },
    settings: async () => DEFAULT_SETTINGS,
  });
}

async function insertAll(ctx: VaultContext, items: { item: ItemData; createdAt?: string; updatedAt?: string }[]): Promise<number> {
  // The import's write: one transaction through the write path (change log included).
  return timeAsync(() =>
    ctx.vault.importItems(
      items.map((it) => ({ ...it, passwordHistory: [] })),
      false,
    ),
  );
}

async function benchInsert(ctx: VaultContext): Promise<Measurement> {
  const ms = await insertAll(
    ctx,
    ctx.items.map((item) => ({ item })),
  );
  return { group: ctx.group, name: `insert ${ctx.items.length / 1000}k items in one write (the import's commit, change log included)`, value: ms, unit: 'ms' };
}

const latencyRows = (group: string, name: string, samples: number[], targetP95?: number): Measurement[] => {
  const p95 = percentile(samples, 95);
  return [
    { group, name: `${name} p50`, value: percentile(samples, 50), unit: 'ms' },
    { group, name: `${name} p95`, value: p95, unit: 'ms', ...(targetP95 === undefined ? {} : { target: `< ${targetP95} ms`, pass: p95 < targetP95 }) },
  ];
};

/** The service path (`list({query})`: searches the in-memory live cache, loaded once after unlock) and the bare index. */
async function benchSearch(ctx: VaultContext, opts: VaultBenchOptions): Promise<Measurement[]> {
  const inputs = VAULT_QUERIES.map((query) => ListItemsInput.parse({ query }));
  const first = await timeAsync(() => ctx.vault.list(inputs[0]!)); // loads the live cache
  const service: number[] = [];
  for (let r = 0; r < opts.serviceRounds; r++) for (const input of inputs) service.push(await timeAsync(() => ctx.vault.list(input)));
  const listAll = ListItemsInput.parse({});
  const unfiltered: number[] = [];
  for (let r = 0; r < opts.serviceRounds; r++) unfiltered.push(await timeAsync(() => ctx.vault.list(listAll)));

  const rowReads: number[] = [];
  let rows = await vaultRepository.listAll(ctx.db(), false);
  for (let r = 0; r < 5; r++) rowReads.push(await timeAsync(async () => (rows = await vaultRepository.listAll(ctx.db(), false))));
  let start = process.hrtime.bigint();
  const index = new VaultSearchIndex(rows.map((r) => ({ ...toSummary(r), notes: r.notes, folder: r.folder })));
  const build = msSince(start);
  const bare: number[] = [];
  for (let r = 0; r < opts.indexRounds; r++) {
    for (const q of VAULT_QUERIES) {
      start = process.hrtime.bigint();
      index.search(q, 100_000);
      bare.push(msSince(start));
    }
  }
  const q = `${VAULT_QUERIES.length} queries`;
  return [
    ...latencyRows(ctx.group, `search, service list({query}), ${q} × ${opts.serviceRounds}:`, service, SEARCH_P95_MS),
    ...latencyRows(ctx.group, `search, bare VaultSearchIndex.search, ${q} × ${opts.indexRounds}:`, bare, SEARCH_P95_MS),
    { group: ctx.group, name: 'first search after unlock (loads the live cache)', value: first, unit: 'ms' },
    { group: ctx.group, name: 'index build alone (from rows already read)', value: build, unit: 'ms' },
    ...latencyRows(ctx.group, 'list all, no query:', unfiltered),
    { group: ctx.group, name: 'row read alone (repository listAll, every column), p50', value: percentile(rowReads, 50), unit: 'ms' },
  ];
}

/** `reveal` of a login password: row read, AES-GCM open, and the last_used_at write (a durable commit). */
async function benchReveal(ctx: VaultContext, count: number): Promise<Measurement[]> {
  const logins = (await vaultRepository.listAll(ctx.db(), false)).filter((r) => r.type === 'login' && r.reprompt === 0).map((r) => r.id);
  const rand = seededRandom(5);
  const inputs = Array.from({ length: count }, () => RevealInput.parse({ id: logins[Math.floor(rand() * logins.length)]!, field: 'password' }));
  await ctx.vault.reveal(inputs[0]!);
  const samples: number[] = [];
  for (const input of inputs) samples.push(await timeAsync(() => ctx.vault.reveal(input)));
  return latencyRows(ctx.group, `reveal password (${count} random logins):`, samples);
}

const HEALTH_CACHED_MS = 2000;
const HEALTH_SAMPLE = 100;

/**
 * Health report: zxcvbn's cost per password in the worker (a sample, real), the cold report it implies
 * for every login here (two workers), and the report with every verdict cached (the usual case: only
 * changed passwords are scored). The cache is seeded with the real digests, as a first report leaves it.
 */
async function benchHealth(ctx: VaultContext, itemsKey: Buffer): Promise<Measurement[]> {
  const passwords = ctx.items.flatMap((i) => (i.login?.password ? [i.login.password] : []));
  const sample = passwords.slice(0, HEALTH_SAMPLE);
  const scoreMs = await timeAsync(() => runJob('vault.health.strength', { passwords: sample }));
  const perPassword = scoreMs / sample.length;
  const key = healthDigestKey(itemsKey);
  const now = new Date().toISOString();
  const digests = [...new Set(passwords.map((p) => passwordDigest(key, p)))];
  key.fill(0);
  await ctx.write((trx) =>
    vaultRepository.putStrengths(
      trx,
      digests.map((id) => ({ id, score: 4, guesses_log10: 12 })),
      now,
    ),
  );
  const health = createVaultHealth({
    db: ctx.db,
    write: ctx.write,
    itemsKey: () => itemsKey,
    resourcesDir: path.resolve(__dirname, '../../resources'),
    jobs: createJobTracker({ emit: () => undefined }),
  });
  const cached = await timeAsync(() => health.report());
  return [
    { group: ctx.group, name: `health: zxcvbn in a worker, ${sample.length} bench passwords, per password`, value: perPassword, unit: 'ms' },
    {
      group: ctx.group,
      name: `health: cold report, ${digests.length} distinct passwords (estimate: per-password × n / 2 workers)`,
      value: (perPassword * digests.length) / 2,
      unit: 'ms',
    },
    {
      group: ctx.group,
      name: `health: report with every verdict cached (${passwords.length} logins)`,
      value: cached,
      unit: 'ms',
      target: `< ${HEALTH_CACHED_MS} ms`,
      pass: cached < HEALTH_CACHED_MS,
    },
  ];
}

/**
 * Import bench (LEAD: wire `parseImport` from domains/vault/import here): parses a Bitwarden JSON
 * export of the bench items, then inserts what it returns in one transaction, as the import will.
 * Password history is not written: the service's import path owns that and is not in the bench yet.
 */
export async function benchVaultImport(parse: ImportParse, ctx: VaultContext): Promise<Measurement[]> {
  const bytes = new TextEncoder().encode(bitwardenExportJson(ctx.items));
  let result: ImportParseResult | undefined;
  const parseMs = await timeAsync(async () => {
    result = await parse(bytes);
  });
  if (!result) throw new Error('import parse returned nothing');
  const insertMs = await insertAll(ctx, result.items);
  const mib = (bytes.byteLength / 1024 / 1024).toFixed(1);
  return [
    { group: ctx.group, name: `import Bitwarden JSON (${mib} MiB, ${result.items.length} items): parse`, value: parseMs, unit: 'ms' },
    { group: ctx.group, name: 'import Bitwarden JSON: insert, one transaction', value: insertMs, unit: 'ms' },
    { group: ctx.group, name: 'import Bitwarden JSON: total', value: parseMs + insertMs, unit: 'ms' },
  ];
}
