#!/usr/bin/env node
/**
 * Release-CI step (docs/security.md#fuses): reads the fuses back from a packaged app and asserts our table —
 * the `npx @electron/fuses read --app <path>` equivalent, but failing the job on any difference.
 *
 *   node scripts/check-fuses.mjs release/mac-arm64/Hearth.app        (macOS: the .app)
 *   node scripts/check-fuses.mjs release/win-unpacked/Hearth.exe     (Windows)
 *   node scripts/check-fuses.mjs release/linux-unpacked/hearth       (Linux)
 *
 * Cannot run on a machine without a packaged app (no Electron binary here). Universal macOS binaries hold
 * one fuse wire per slice; every wire is checked.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { FuseV1Options } = require('@electron/fuses');
const { SENTINEL, FuseState } = require('@electron/fuses/dist/constants');
const { HEARTH_FUSES } = require('./fuses.cjs'); // by option name: { RunAsNode: false, ... }

/** Same resolution as @electron/fuses: a .app's fuses live in its Electron Framework binary. */
function fuseFile(appPath) {
  if (appPath.endsWith('.app')) return path.join(appPath, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
  return appPath;
}

/** Every fuse wire in the binary: [{ version, states: number[] }]. */
function readWires(file) {
  const bytes = fs.readFileSync(file);
  const wires = [];
  for (let at = bytes.indexOf(SENTINEL); at !== -1; at = bytes.indexOf(SENTINEL, at + 1)) {
    const pos = at + SENTINEL.length;
    const length = bytes[pos + 1];
    wires.push({ version: bytes[pos], states: [...bytes.subarray(pos + 2, pos + 2 + length)] });
  }
  return wires;
}

const stateName = (s) =>
  ({ [FuseState.ENABLE]: 'on', [FuseState.DISABLE]: 'off', [FuseState.REMOVED]: 'removed', [FuseState.INHERIT]: 'inherit' })[s] ?? `0x${s?.toString(16)}`;

const appPath = process.argv[2];
if (!appPath) {
  console.error('Usage: node scripts/check-fuses.mjs <packaged app: Hearth.app | Hearth.exe | linux binary>');
  process.exit(2);
}
const file = fuseFile(path.resolve(appPath));
if (!fs.existsSync(file)) {
  console.error(`[check-fuses] ${file} does not exist. Package the app first (npm run dist).`);
  process.exit(2);
}

const wires = readWires(file);
if (wires.length === 0) {
  console.error(`[check-fuses] no fuse wire found in ${file}: not an Electron >= 12 binary?`);
  process.exit(1);
}

let failures = 0;
wires.forEach((wire, n) => {
  console.log(`[check-fuses] ${path.basename(appPath)} wire ${n + 1}/${wires.length} (version ${wire.version}, ${wire.states.length} fuses)`);
  if (wire.version !== 1) {
    console.log(`  FAIL unknown fuse wire version ${wire.version}; update @electron/fuses and this table`);
    failures++;
    return;
  }
  wire.states.forEach((state, index) => {
    const name = FuseV1Options[index] ?? `fuse #${index}`;
    const want = HEARTH_FUSES[name];
    const ok = want === undefined ? false : state === (want ? FuseState.ENABLE : FuseState.DISABLE);
    if (!ok) failures++;
    const expected = want === undefined ? 'no decision in scripts/fuses.cjs' : want ? 'on' : 'off';
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(40)} ${stateName(state).padEnd(8)} expected ${expected}`);
  });
  for (const name of Object.keys(HEARTH_FUSES)) {
    const index = FuseV1Options[name];
    if (index === undefined || index >= wire.states.length) {
      console.log(`  FAIL ${name} is not in this binary's fuse wire`);
      failures++;
    }
  }
});

if (failures > 0) {
  console.error(`[check-fuses] ${failures} fuse(s) differ from the shipped table (docs/security.md#fuses)`);
  process.exit(1);
}
console.log('[check-fuses] all fuses match the shipped table (docs/security.md#fuses)');
