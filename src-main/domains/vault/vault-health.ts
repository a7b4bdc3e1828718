import type { Kysely } from 'kysely';
import type { HealthReport } from '../../../src-shared/domains/vault/vault.schemas';
import { hkdf, wipe } from '../../crypto/cipher';
import type { Database } from '../../db/database';
import { nowIso } from '../../lib/ids';
import type { JobTracker } from '../../platform/jobs/job-tracker';
import { findingsOf, loadTwoFactorSites, MIN_STRONG_SCORE, passwordDigest, type ScoredHealthInput } from './health';
import { parsePublic } from './vault-mapping';
import { openField, parseSealedMap } from './vault-secrets';
import { vaultRepository as repo } from './vault.repository';

export interface VaultHealthDeps {
  db: () => Kysely<Database>;
  /** The write path (the cache writes go through it like every other write). */
  write: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
  itemsKey: () => Buffer;
  resourcesDir: string;
  now?: () => number;
  /** Runs the scoring as one cancellable job that the jobs tray shows (host.jobs). */
  jobs: JobTracker;
  /** Scoring progress of a report that has uncached passwords (throttled here). */
  onProgress?: (p: { done: number; total: number }) => void;
}

/** The key of the health digests (HMAC-SHA-256), derived from the items key; the caller wipes it. */
export const healthDigestKey = (itemsKey: Buffer): Buffer => hkdf(itemsKey, 'hearth/vault/health/v1');

/** Passwords per worker job: each job stays well inside the pool's time limit even at ~150 ms a password. */
export const HEALTH_JOB_BATCH = 250;
const PROGRESS_EVERY_MS = 250;

/**
 * The vault health report. Each login's password is opened in main (only `password`, one item at a
 * time) and reduced to a keyed digest (HMAC under a key derived from the items key); zxcvbn verdicts are
 * cached per digest in `vault_strength_cache`, so a changed password is simply a new digest and only
 * passwords never scored before go to worker threads (zxcvbn costs 10–150 ms each). Reuse is equal digests.
 */
export function createVaultHealth(deps: VaultHealthDeps) {
  let sites: ReadonlySet<string> | null = null;
  let running: Promise<HealthReport> | null = null;

  async function score(missing: Map<string, string>, scores: Map<string, number>): Promise<void> {
    const batches: [string, string][][] = [];
    const entries = [...missing];
    for (let i = 0; i < entries.length; i += HEALTH_JOB_BATCH) batches.push(entries.slice(i, i + HEALTH_JOB_BATCH));
    const done = new Array<number>(batches.length).fill(0);
    let lastEmit = 0;
    const report = (force = false) => {
      if (!deps.onProgress || (!force && Date.now() - lastEmit < PROGRESS_EVERY_MS)) return;
      lastEmit = Date.now();
      deps.onProgress({ done: done.reduce((a, b) => a + b, 0), total: entries.length });
    };
    report(true);
    // The pool runs two at a time; each batch is stored as soon as it is scored, so a stopped report keeps its work.
    await deps.jobs.track(`Checking ${entries.length.toLocaleString('en-US')} passwords`, entries.length, (job) =>
      Promise.all(
        batches.map(async (batch, n) => {
          const { scores: out } = await job.run(
            'vault.health.strength',
            { passwords: batch.map(([, pw]) => pw) },
            {
              limits: { maxOldGenerationSizeMb: 256, timeoutMs: 120_000 },
              onProgress: (p) => {
                done[n] = p.done;
                report();
              },
            },
          );
          const rows = batch.map(([id], i) => ({ id, score: out[i]!.score, guesses_log10: out[i]!.guessesLog10 }));
          await deps.write((trx) => repo.putStrengths(trx, rows, nowIso(deps.now)));
          for (const r of rows) scores.set(r.id, r.score);
        }),
      ),
    );
    report(true);
  }

  async function compute(): Promise<HealthReport> {
    sites ??= loadTwoFactorSites(deps.resourcesDir);
    const db = deps.db();
    const rows = await repo.liveLogins(db);
    const itemsKey = deps.itemsKey();
    const key = healthDigestKey(itemsKey);
    const plain = new Map<string, string>(); // digest → password, until scored
    const scored: (Omit<ScoredHealthInput, 'weak'> & { title: string })[] = [];
    try {
      for (const r of rows) {
        const sealed = parseSealedMap(r.secrets).password;
        const password = sealed ? openField(itemsKey, r.id, 'password', sealed) : '';
        const digest = password ? passwordDigest(key, password) : null;
        if (digest !== null && !plain.has(digest)) plain.set(digest, password);
        const urls = parsePublic(r).login?.urls.map((u) => u.url) ?? [];
        scored.push({ id: r.id, title: r.title, digest, passwordChangedAt: r.password_changed_at ?? undefined, urls, hasTotp: r.has_totp === 1 });
      }
    } finally {
      wipe(key);
    }
    const digests = new Set(plain.keys());
    const scores = new Map((await repo.strengths(db, [...digests])).map((c) => [c.id, c.score]));
    for (const d of scores.keys()) plain.delete(d);
    try {
      if (plain.size > 0) await score(plain, scores);
    } finally {
      plain.clear();
    }
    await deps.write((trx) => repo.pruneStrengths(trx, digests));
    const withWeak = scored.map((s) => ({ ...s, weak: s.digest !== null && (scores.get(s.digest) ?? 0) < MIN_STRONG_SCORE }));
    const titles = new Map(scored.map((s) => [s.id, s.title]));
    const findings = findingsOf(withWeak, new Date((deps.now ?? Date.now)()), { twoFactorSites: sites });
    return { checked: rows.length, findings: findings.map((f) => ({ itemId: f.itemId, title: titles.get(f.itemId) ?? '', reasons: f.reasons })) };
  }

  return {
    /** The report; concurrent callers share one computation. */
    report(): Promise<HealthReport> {
      running ??= compute().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
