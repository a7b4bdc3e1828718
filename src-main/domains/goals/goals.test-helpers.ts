/**
 * Test-only helpers for the goals tests: a real encrypted profile (testCore) with a pinned, movable clock and zone,
 * the typed client (`client.goals.*`), the module's core (for benches and direct reads) and the profile folder
 * (for canary checks).
 */
import { Readable } from 'node:stream';
import type { goalsContract } from '../../../src-shared/domains/goals/goals.contract';
import { PASSWORD, testCore, type TestCore } from '../../test/helpers';
import type { DomainContext } from '../../platform/context';
import { createGoalsCore, type GoalsCore } from './goals-core';

export interface GoalsSetupOptions {
  /** The pinned clock; default 2026-03-15T09:30:00Z (a Sunday). */
  nowMs?: number;
  /** The system zone; default Europe/Berlin. */
  zone?: string;
  /** A profile root to reuse (default: a fresh temp folder removed after the test). */
  root?: string;
}

export const GOALS_TEST_NOW = Date.parse('2026-03-15T09:30:00Z');

export async function setupGoals(opts: GoalsSetupOptions = {}) {
  let nowMs = opts.nowMs ?? GOALS_TEST_NOW;
  let zone = opts.zone ?? 'Europe/Berlin';
  const core: TestCore = testCore(opts.root, { now: () => nowMs, systemTimeZone: () => zone });
  await core.client.profile.create({ name: 'Planner', password: PASSWORD });
  const ctx = core.domainContext('goals') as DomainContext<typeof goalsContract>;
  /** A goals core over the same context (same clock and database) for direct reads in tests and benches. */
  const goalsCore: GoalsCore = createGoalsCore(ctx);
  return {
    core,
    client: core.client,
    goals: core.client.goals,
    ctx,
    goalsCore,
    /** The profile folder (every file the profile wrote lives under it). */
    root: core.root,
    db: () => ctx.db(),
    now: () => nowMs,
    setNow: (ms: number | string) => (nowMs = typeof ms === 'string' ? Date.parse(ms) : ms),
    setZone: (z: string) => (zone = z),
    close: () => core.shutdown(),
  };
}
export type GoalsSetup = Awaited<ReturnType<typeof setupGoals>>;

/** Puts `bytes` into the profile's encrypted store through an upload ticket, as a picked file arrives; returns the blob id. */
export async function uploadBytes(s: GoalsSetup, bytes: Uint8Array | string): Promise<string> {
  const t = await s.client.blobs.uploadTicket({ maxBytes: 70 * 1024 * 1024 });
  return (await s.core.blobs().upload(t.ticket, Readable.from([Buffer.from(bytes)]))).id;
}
