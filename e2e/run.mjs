#!/usr/bin/env node
// End-to-end runner (`npm run test:e2e`). For every e2e/*.e2e.mjs spec: a fresh profile root, a fresh
// `hearth serve --port 0`, and one Chromium (Debian's /usr/bin/chromium via playwright-core). A spec
// exports `async function run({ browser, url, origin, token, serverEnv, screenshot, step, newPage })`; one that
// exports `needsSyncServer` also gets `syncServerUrl`: a real sync server on a real PostgreSQL (lib/sync-server.mjs).
// Prints `N passed, M failed` last and exits non-zero on any failure. Usage: node e2e/run.mjs [filter]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { FIXTURES_DIR, FIXTURES_SKIP_REASON } from '../src-main/test/fixtures.ts';
import { watchPage } from './lib/page-watch.mjs';
import { startSyncServer, SYNC_SERVER_SKIP_REASON } from './lib/sync-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const artifacts = path.join(here, 'artifacts');
const CHROMIUM = process.env.HEARTH_E2E_CHROMIUM ?? '/usr/bin/chromium';
const SERVER_START_MS = 30_000;
const STEP_TIMEOUT_MS = 90_000;
const SPEC_TIMEOUT_MS = 10 * 60_000;

const results = [];
const skipped = [];
const cleanups = [];
const startedAt = Date.now();

const log = (line) => process.stdout.write(`${line}\n`);
const elapsed = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts `hearth serve` on a free port with a fresh profile root; resolves once it printed its URL. */
async function startServer() {
  const home = mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
  const serverEnv = { ...process.env, HEARTH_HOME: home, HEARTH_KDF_MEMORY_KIB: '65536', HEARTH_TEST_HOOKS: '1' };
  // --verbose: the server's log lines go to stderr, which a failing spec prints (the CLI is silent without it).
  const child = spawn(process.execPath, [path.join(root, 'bin/hearth.mjs'), 'serve', '--port', '0', '--verbose'], {
    cwd: root,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 5000))]);
      if (!done) child.kill('SIGKILL');
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
  };

  const url = await withTimeout(
    new Promise((resolve, reject) => {
      const check = () => {
        const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output.stdout);
        if (match) resolve(match[1]);
      };
      child.stdout.on('data', check);
      exited.then(({ code, signal }) => reject(new Error(`hearth serve exited early (code ${code}, signal ${signal})`)));
      check();
    }),
    SERVER_START_MS,
    'hearth serve start',
  ).catch(async (err) => {
    await stop();
    err.serverOutput = output;
    throw err;
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), serverEnv, output, stop };
}

/** Runs one spec file with its own server; records each step as passed or failed. */
async function runSpec(browser, file) {
  const name = path.basename(file, '.e2e.mjs');
  process.stdout.write(`(started ${name})\n`);
  // Lanes run side by side: a spec's lines are printed together when it ends, so the output stays readable.
  const lines = [`\n${name}`];
  const log = (line) => lines.push(line);
  const specStart = Date.now();
  let server;
  let syncServer;
  const watchers = [];
  const contexts = [];
  let lastPage = null;

  const screenshot = async (shotName, page = lastPage) => {
    if (!page) throw new Error('screenshot: no page yet');
    await page.screenshot({ path: path.join(artifacts, `${shotName}.png`), animations: 'disabled' });
  };

  const newPage = async (options = {}) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 780 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watchers.push(await watchPage(page));
    lastPage = page;
    return page;
  };

  const step = async (title, fn) => {
    const t0 = Date.now();
    try {
      await withTimeout(Promise.resolve().then(fn), STEP_TIMEOUT_MS, `step "${title}"`);
      results.push({ spec: name, title, ok: true });
      log(`  ✓ ${title} (${elapsed(t0)})`);
    } catch (err) {
      results.push({ spec: name, title, ok: false, err });
      log(
        `  ✗ ${title} (${elapsed(t0)})\n      ${String(err?.stack ?? err)
          .split('\n')
          .slice(0, 6)
          .join('\n      ')}`,
      );
      if (lastPage) await screenshot(`FAILED-${name}`).catch(() => undefined);
      throw Object.assign(new Error('step failed'), { stepFailed: true });
    }
  };

  try {
    const spec = await import(pathToFileURL(file).href);
    if (typeof spec.run !== 'function') throw new Error(`${name} does not export run()`);
    // A spec that exports `needsFixtures` uses the sample files from other apps; a fresh clone has none.
    if (spec.needsFixtures && !FIXTURES_DIR) {
      skipped.push(name);
      log(`  - skipped: ${FIXTURES_SKIP_REASON}`);
      return;
    }
    if (spec.needsSyncServer && SYNC_SERVER_SKIP_REASON) {
      skipped.push(name);
      log(`  - skipped: ${SYNC_SERVER_SKIP_REASON}`);
      return;
    }
    // The sync server (PostgreSQL's initdb takes seconds) starts beside `hearth serve`.
    const syncStarting = spec.needsSyncServer
      ? withTimeout(startSyncServer(root), SERVER_START_MS * 2, 'sync server start').then((s) => {
          syncServer = s;
          cleanups.push(s.stop);
          return s;
        })
      : null;
    syncStarting?.catch(() => undefined);
    server = await startServer();
    cleanups.push(server.stop);
    const syncServerUrl = syncStarting ? (await syncStarting).url : undefined;
    await withTimeout(
      spec.run({
        browser,
        url: server.url,
        origin: server.origin,
        token: server.token,
        serverEnv: server.serverEnv,
        syncServerUrl,
        screenshot,
        step,
        newPage,
        watchers,
      }),
      SPEC_TIMEOUT_MS,
      `spec ${name}`,
    );
  } catch (err) {
    if (!err?.stepFailed) {
      results.push({ spec: name, title: '(spec)', ok: false, err });
      log(`  ✗ ${name} crashed: ${String(err?.stack ?? err)}`);
    }
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    const failed = results.some((r) => r.spec === name && !r.ok);
    if (failed) {
      for (const w of watchers) if (w.messages.length) log(`  browser console:\n    ${w.messages.slice(-30).join('\n    ')}`);
      const out = server?.output ?? {};
      if (out.stderr) log(`  server stderr (tail):\n    ${out.stderr.split('\n').slice(-40).join('\n    ')}`);
    }
    if (failed && syncServer?.output.stderr) log(`  sync server stderr (tail):\n    ${syncServer.output.stderr.split('\n').slice(-20).join('\n    ')}`);
    if (syncServer) {
      await syncServer.stop();
      cleanups.splice(cleanups.indexOf(syncServer.stop), 1);
    }
    if (server) {
      await server.stop();
      cleanups.splice(cleanups.indexOf(server.stop), 1);
    }
    log(`  (${elapsed(specStart)})`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

/**
 * Specs run in lanes side by side, each lane with its own browser and each spec with its own server, so a spec
 * sees nothing of another. The specs that use the clipboard share one lane (one browser's clipboard, one at a
 * time); the rest are balanced by their usual length in seconds (unknown specs count 30).
 */
const LANES = Math.max(1, Number(process.env.HEARTH_E2E_LANES ?? 2));
const CLIPBOARD_SPECS = new Set(['layout', 'vault']);
const USUAL_SECONDS = {
  layout: 52,
  'auto-lock': 40,
  foundation: 36,
  journal: 31,
  files: 30,
  vault: 28,
  calendar: 27,
  email: 24,
  batches: 24,
  goals: 23,
  sync: 30,
  backup: 19,
};

function planLanes(specs) {
  const lanes = Array.from({ length: Math.min(LANES, specs.length) }, () => ({ files: [], seconds: 0 }));
  const seconds = (file) => USUAL_SECONDS[path.basename(file, '.e2e.mjs')] ?? 30;
  const add = (lane, file) => {
    lane.files.push(file);
    lane.seconds += seconds(file);
  };
  const pinned = specs.filter((f) => CLIPBOARD_SPECS.has(path.basename(f, '.e2e.mjs')));
  for (const file of pinned) add(lanes[0], file);
  for (const file of specs.filter((f) => !pinned.includes(f)).sort((a, b) => seconds(b) - seconds(a))) {
    add(
      lanes.reduce((min, lane) => (lane.seconds < min.seconds ? lane : min)),
      file,
    );
  }
  return lanes.map((lane) => lane.files);
}

async function main() {
  if (!['cli.cjs', 'server.cjs'].every((f) => existsSync(path.join(root, 'dist/main', f))) || !existsSync(path.join(root, 'dist/renderer/index.html'))) {
    throw new Error('Hearth is not built. Run: npm run build');
  }
  mkdirSync(artifacts, { recursive: true });
  const filter = process.argv[2];
  const specs = readdirSync(here)
    .filter((f) => f.endsWith('.e2e.mjs') && (!filter || f.includes(filter)))
    .sort()
    .map((f) => path.join(here, f));
  if (specs.length === 0) throw new Error(`No e2e specs${filter ? ` matching "${filter}"` : ''}`);

  const runLane = async (files) => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    const close = () => browser.close();
    cleanups.push(close);
    try {
      for (const file of files) await runSpec(browser, file);
    } finally {
      await browser.close().catch(() => undefined);
      cleanups.splice(cleanups.indexOf(close), 1);
    }
  };
  await Promise.all(planLanes(specs).map(runLane));
}

async function cleanupAll() {
  for (const fn of cleanups.splice(0).reverse())
    await Promise.resolve()
      .then(fn)
      .catch(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`\nInterrupted (${signal}); cleaning up…`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

let fatal = null;
try {
  await main();
} catch (err) {
  fatal = err;
  log(`\nE2E runner failed: ${String(err?.stack ?? err)}`);
  if (err?.serverOutput?.stderr) log(`server stderr:\n${err.serverOutput.stderr}`);
} finally {
  await cleanupAll();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (fatal ? 1 : 0);
log(`\nRun time ${elapsed(startedAt)}`);
log(`${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} spec(s) skipped (${skipped.join(', ')})` : ''}`);
process.exit(failed > 0 || (passed === 0 && skipped.length === 0) ? 1 : 0);
