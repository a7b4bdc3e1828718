// @ts-check
/**
 * Mutation testing (docs/architecture.md#mutation-testing): `npm run mutate`. Not part of `npm test`: a full
 * run takes hours on a small machine. Stryker copies the project into .stryker-tmp, mutates the security
 * and storage code below, and runs the vitest tests that cover each mutant (perTest coverage).
 *
 * Scope: HEARTH_MUTATE_DIRS (comma-separated folders under src-main) narrows the run, e.g.
 *   HEARTH_MUTATE_DIRS=crypto,ipc npm run mutate
 * Results are incremental (reports/mutation/stryker-incremental.json), so a second run re-tests only
 * mutants whose code or tests changed.
 */
const ALL_DIRS = ['crypto', 'profile', 'host', 'ipc', 'db', 'domains/vault'];
const dirs = (process.env.HEARTH_MUTATE_DIRS ?? '')
  .split(',')
  .map((d) => d.trim())
  .filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The mutation vitest config: the unit-test config minus tests that only drive the built CLI binary
  // (they run dist/, which Stryker never mutates) and with its own worker bundle path.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    ...(dirs.length > 0 ? dirs : ALL_DIRS).map((d) => `src-main/${d}/**/*.ts`),
    '!src-main/**/*.test.ts',
    '!src-main/**/*.test-helpers.ts',
    '!src-main/**/*.fixture.ts',
    '!src-main/**/*.build.ts',
    '!src-main/test/**',
    '!src-main/bench/**',
  ],
  coverageAnalysis: 'perTest',
  // Two cores shared with everything else: one test runner unless asked (STRYKER_CONCURRENCY=2).
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  // Static mutants (module-level constants) need a fresh module graph per mutant: hours for little signal.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Argon2 at the floor cost and real SQLCipher files make single tests take seconds on a busy machine.
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 60,
  ignorePatterns: ['dist', 'release', 'e2e/artifacts', 'reports', '.hearth-dev'],
};
