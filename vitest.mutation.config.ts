import { defineConfig, type UserConfig } from 'vite';
import base from './vite.config';

/**
 * Vitest config for Stryker (stryker.config.mjs), not for `npm test`. The unit-test config, minus tests that only
 * spawn the built `hearth` binary (dist/ holds no mutants, so they can kill none) or need a whole process, and
 * with a worker bundle built beside, not over, the one ordinary test runs use.
 */
export default defineConfig(async (env) => {
  const config = (typeof base === 'function' ? await base(env) : base) as UserConfig & { test: Record<string, unknown> };
  return {
    ...config,
    test: {
      ...config.test,
      include: ['src-main/**/*.test.ts', 'src-shared/**/*.test.ts'],
      // Stryker runs Vitest in worker threads, where process.umask() cannot be set: the file-mode test runs in `npm test` only.
      exclude: ['**/node_modules/**', 'src-main/cli/**', 'src-main/**/*.cli.test.ts', 'src-main/db/crash.test.ts', 'src-main/profile/profile-files.test.ts'],
      globalSetup: ['src-main/test/mutation-global-setup.ts'],
    },
  } as UserConfig;
});
