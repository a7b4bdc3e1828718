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
  /**
   * Sealed password → its digest, from earlier reports while unlocked (dropped on lock): a sealed value
   * is one password version (a fresh nonce on every change), so a report opens only passwords that
   * changed since the last one. Holds keyed digests only, never a password.
   */
  const digestOf = new Map<string, string>();

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

  /**
   * Each login's digest (remembered, or its password opened and digested) and the distinct passwords
   * that have no cached verdict yet (digest → password, for the workers). A remembered digest whose
   * verdict is gone (another process pruned it) has its password opened again.
   */
  async function digestsOf(rows: Awaited<ReturnType<typeof repo.liveLogins>>) {
    const itemsKey = deps.itemsKey();
    const key = healthDigestKey(itemsKey);
    try {
      const open = (r: (typeof rows)[number], sealed: string): string | null => {
        const password = openField(itemsKey, r.id, 'password', sealed);
        return password ? passwordDigest(key, password) : null;
      };
      const digests = rows.map((r) => {
        const sealed = parseSealedMap(r.secrets).password;
        return sealed ? (digestOf.get(sealed) ?? open(r, sealed)) : null;
      });
      const distinct = [...new Set(digests.filter((d): d is string => d !== null))];
      const scores = new Map((await repo.strengths(deps.db(), distinct)).map((c) => [c.id, c.score]));
      const plain = new Map<string, string>(); // digest → password, until scored
      digestOf.clear();
      rows.forEach((r, i) => {
        const digest = digests[i];
        const sealed = parseSealedMap(r.secrets).password;
        if (!digest || !sealed) return;
        digestOf.set(sealed, digest);
        if (!scores.has(digest) && !plain.has(digest)) plain.set(digest, openField(itemsKey, r.id, 'password', sealed));
      });
      return { digests, distinct, scores, plain };
    } finally {
      wipe(key);
    }
  }

  async function compute(): Promise<HealthReport> {
    sites ??= loadTwoFactorSites(deps.resourcesDir);
    const rows = await repo.liveLogins(deps.db());
    const { digests, distinct, scores, plain } = await digestsOf(rows);
    try {
      if (plain.size > 0) await score(plain, scores);
    } finally {
      plain.clear();
    }
    await deps.write((trx) => repo.pruneStrengths(trx, new Set(distinct)));
    const scored: ScoredHealthInput[] = rows.map((r, i) => {
      const digest = digests[i] ?? null;
      const urls = parsePublic(r).login?.urls.map((u) => u.url) ?? [];
      const weak = digest !== null && (scores.get(digest) ?? 0) < MIN_STRONG_SCORE;
      return { id: r.id, digest, weak, passwordChangedAt: r.password_changed_at ?? undefined, urls, hasTotp: r.has_totp === 1 };
    });
    const titles = new Map(rows.map((r) => [r.id, r.title]));
    const findings = findingsOf(scored, new Date((deps.now ?? Date.now)()), { twoFactorSites: sites });
    return { checked: rows.length, findings: findings.map((f) => ({ itemId: f.itemId, title: titles.get(f.itemId) ?? '', reasons: f.reasons })) };
  }

  return {
    /** Forgets the remembered digests (on lock). */
    reset(): void {
      digestOf.clear();
    },
    /** The report; concurrent callers share one computation. */
    report(): Promise<HealthReport> {
      running ??= compute().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
