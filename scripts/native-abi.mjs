#!/usr/bin/env node
/**
 * Keeps the SQLite addon usable by both runtimes on one checkout, so `npm test` and `npm start` work in
 * either order:
 *
 *   node scripts/native-abi.mjs node       node_modules' build loads under this Node; if it does not (for
 *                                          example someone rebuilt it for Electron), `npm rebuild` it.
 *   node scripts/native-abi.mjs electron   builds an Electron-ABI copy into .native/electron/ from a copy of
 *                                          the package (.native/electron/build-src), never touching
 *                                          node_modules. main.ts (development only) passes
 *                                          .native/electron/better_sqlite3.node to setNativeBinding().
 *
 * Packaged apps do not use .native: electron-builder's npmRebuild builds node_modules for Electron inside
 * the package. argon2 is a Node-API addon and loads under both runtimes as is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const PKG = 'better-sqlite3-multiple-ciphers';
const ADDON = 'better_sqlite3.node';
const tag = '[native-abi]';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const isInside = (dir, file) => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

function fail(lines) {
  console.error(`\n${tag} FAILED\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  process.exit(1);
}

/**
 * Loads the addon in a fresh Node process (a failed require is cached in-process) and opens :memory:.
 * With `binding`, loads that file instead of node_modules' build.
 */
function probeUnderNode(binding) {
  const opts = binding ? `{ nativeBinding: ${JSON.stringify(binding)} }` : '{}';
  const code = `const D = require(${JSON.stringify(PKG)}); const db = new D(':memory:', ${opts}); db.prepare('select 1').get(); db.close();`;
  const r = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
  const stderr = r.stderr ?? '';
  const reason = stderr.split('\n').find((l) => /NODE_MODULE_VERSION|Error:/.test(l))?.trim() ?? stderr.trim().slice(0, 300);
  return { ok: r.status === 0, reason };
}

function ensureNode() {
  const first = probeUnderNode();
  if (first.ok) {
    console.log(`${tag} ${PKG} loads under Node ${process.version} (NODE_MODULE_VERSION ${process.versions.modules}).`);
    return;
  }
  console.log(`${tag} ${PKG} does not load under Node ${process.version}: ${first.reason}`);
  console.log(`${tag} rebuilding node_modules/${PKG} for Node: npm rebuild ${PKG}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['rebuild', PKG], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const second = probeUnderNode();
  if (r.status === 0 && second.ok) {
    console.log(`${tag} rebuilt; ${PKG} loads under Node ${process.version}.`);
    return;
  }
  fail([
    `Could not make node_modules/${PKG} load under Node ${process.version}.`,
    `Last error: ${second.reason || `npm rebuild exited with ${r.status}`}`,
    'npm rebuild first tries a prebuilt binary (network), then compiles from source with node-gyp (needs',
    'Python 3, a C++ toolchain and the Node headers; set npm config nodedir to use local headers offline).',
  ]);
}

async function ensureElectron() {
  const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
  const pkgDir = path.join(root, 'node_modules', PKG);
  const pkgVersion = readJson(path.join(pkgDir, 'package.json')).version;
  const outDir = path.join(root, '.native', 'electron');
  const outFile = path.join(outDir, ADDON);
  const stampFile = path.join(outDir, 'stamp.json');
  const stamp = { electron: electronVersion, [PKG]: pkgVersion, platform: process.platform, arch: process.arch };

  if (fs.existsSync(outFile) && fs.existsSync(stampFile) && JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp)) {
    console.log(`${tag} .native/electron/${ADDON} is up to date (Electron ${electronVersion}, ${PKG} ${pkgVersion}).`);
    return;
  }

  // A private copy of the package: the rebuild writes only below .native/electron/build-src.
  const buildRoot = path.join(outDir, 'build-src');
  const modDir = path.join(buildRoot, 'node_modules', PKG);
  fs.rmSync(buildRoot, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(modDir), { recursive: true });
  const skip = [path.join(pkgDir, 'build'), path.join(pkgDir, 'node_modules')];
  fs.cpSync(pkgDir, modDir, { recursive: true, filter: (src) => !skip.some((dir) => isInside(dir, src)) });
  fs.writeFileSync(
    path.join(buildRoot, 'package.json'),
    `${JSON.stringify({ name: 'hearth-native-electron', private: true, dependencies: { [PKG]: pkgVersion } }, null, 2)}\n`,
  );

  // When run through npm, npm_config_* variables reach node-gyp; nodedir would make it compile against the
  // *Node* headers and silently produce a Node-ABI addon. Electron builds must use Electron's headers.
  for (const key of Object.keys(process.env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key)) delete process.env[key];
  }

  console.log(`${tag} building ${PKG} ${pkgVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}) in .native/electron/build-src`);
  const { rebuild } = await import('@electron/rebuild');
  try {
    await rebuild({ buildPath: buildRoot, electronVersion, arch: process.arch, onlyModules: [PKG], force: true, mode: 'sequential' });
  } catch (err) {
    fail([
      `Could not build ${PKG} for Electron ${electronVersion}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      '@electron/rebuild first tries a prebuilt Electron binary (GitHub releases), then compiles with node-gyp',
      'against the Electron headers (https://www.electronjs.org/headers). Both need network access; compiling',
      'also needs Python 3 and a C++ toolchain. On a machine without network access this step is expected to',
      'fail: `npm start` cannot run there, while `npm test`, `npm run start:web` and the CLI still work because',
      'node_modules was not touched.',
    ]);
  }

  const built = path.join(modDir, 'build', 'Release', ADDON);
  if (!fs.existsSync(built)) fail([`The rebuild finished but ${path.relative(root, built)} does not exist.`]);
  // An Electron-ABI addon must NOT load under Node; if it does, it was compiled against Node headers.
  if (probeUnderNode(built).ok) {
    fail([`${path.relative(root, built)} loads under Node ${process.version}, so it was built for Node, not Electron.`, 'Check for npm_config_nodedir / a node-gyp nodedir setting.']);
  }
  const tmp = `${outFile}.tmp`;
  fs.copyFileSync(built, tmp);
  fs.renameSync(tmp, outFile);
  fs.writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  console.log(`${tag} wrote .native/electron/${ADDON} for Electron ${electronVersion}.`);
}

const target = process.argv[2] ?? 'node';
if (target === 'node') ensureNode();
else if (target === 'electron') await ensureElectron();
else fail([`Unknown target "${target}". Usage: node scripts/native-abi.mjs node|electron`]);
