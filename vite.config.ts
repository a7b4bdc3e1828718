import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { buildCustomerPageScript } from './src-main/domains/batches/customer-page/customer-page.build';

/**
 * One config, three builds:
 *   vite build                 → dist/renderer (the sandboxed UI, served by app:// and browser mode)
 *   vite build --mode main     → dist/main/*.cjs (Electron main, CLI, bench: Node, native deps external)
 *   vite build --mode preload  → dist/preload/preload.cjs (bundled: a sandboxed preload cannot require packages)
 */
const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const define = { __HEARTH_VERSION__: JSON.stringify(pkg.version) };
const nodeExternals = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'main') {
    return {
      define,
      // The batches customer page's browser script, bundled standalone (not a chunk) next to the main bundle.
      plugins: [
        {
          name: 'hearth-customer-page',
          async generateBundle() {
            this.emitFile({ type: 'asset', fileName: 'customer-page.js', source: await buildCustomerPageScript() });
          },
        },
      ],
      build: {
        ssr: true,
        outDir: 'dist/main',
        emptyOutDir: true,
        target: 'node20',
        sourcemap: true,
        minify: false,
        rollupOptions: {
          input: {
            main: path.join(root, 'src-main/main.ts'),
            cli: path.join(root, 'src-main/cli/main.ts'),
            bench: path.join(root, 'src-main/bench/bench.ts'),
            soak: path.join(root, 'src-main/soak/soak.ts'),
            // The optional sync server (src-server/): `npm run server`.
            server: path.join(root, 'src-server/main.ts'),
            // Worker threads for heavy jobs (src-main/lib/worker-pool.ts loads it from beside main/cli).
            worker: path.join(root, 'src-main/workers/worker-entry.ts'),
          },
          external: [...nodeExternals, ...Object.keys(pkg.dependencies)],
          output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
        },
      },
      ssr: { noExternal: [] },
    };
  }
  if (mode === 'preload') {
    return {
      define,
      build: {
        ssr: true,
        outDir: 'dist/preload',
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        rollupOptions: {
          input: { preload: path.join(root, 'src-main/preload/index.ts') },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
        },
      },
      // Everything except electron is bundled into the preload.
      ssr: { noExternal: true },
    };
  }
  return {
    root: path.join(root, 'src-renderer'),
    base: '/',
    define,
    plugins: [react(), tailwindcss()],
    build: {
      outDir: path.join(root, 'dist/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // No inline scripts or styles: everything must pass the strict CSP.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      // The zxcvbn word lists (~1.2 MB, loaded on demand by the strength meter) are one chunk by design: the
      // app reads them from its own bundle on disk, never over a network, so the 500 kB web default does not apply.
      chunkSizeWarningLimit: 1300,
    },
    test: {
      root,
      include: ['src-main/**/*.test.ts', 'src-server/**/*.test.ts', 'src-shared/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}'],
      environment: 'node',
      globalSetup: ['src-main/test/global-setup.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      pool: 'forks',
      maxWorkers: 2,
    },
  } as UserConfig;
});
