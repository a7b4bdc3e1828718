#!/usr/bin/env node
/**
 * npm run test:security — Doyensec Electronegativity (docs/security.md#electronegativity) over the main-process sources and,
 * when built, dist/main and dist/preload. Fails on any HIGH finding that is not in
 * scripts/electronegativity-allow.json (check id + file + written reason), on a file the tool could not
 * parse (it would silently go unscanned), and on inline `eng-disable` suppressions (use the allowlist).
 *
 * Usage: node scripts/electronegativity.mjs [--out <dir>]   (default: <tmp>/hearth-electronegativity)
 * Writes <out>/electronegativity.sarif (for code scanning) and <out>/findings.json.
 *
 * Runs the tool through its documented programmatic API (README "Programmatically"; same options as
 * `electronegativity -i <dir> -r -e <electron version> -o <file.sarif>`) rather than the CLI because with -o
 * the CLI drops parse errors silently and writes CSV with two unsynchronised fs.writeFile calls (header and
 * rows can race). The API returns every issue with its severity; the SARIF it writes is read back and must
 * hold the same number of results. Offline, the tool cannot fetch translations or Electron's release list
 * (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK then reports nothing); both are non-fatal.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const tag = '[electronegativity]';
const started = Date.now();

const outArg = process.argv.indexOf('--out');
const outDir = path.resolve(outArg > -1 && process.argv[outArg + 1] ? process.argv[outArg + 1] : path.join(os.tmpdir(), 'hearth-electronegativity'));
const allowFile = path.join(root, 'scripts', 'electronegativity-allow.json');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

function fail(message) {
  console.error(`${tag} FAILED: ${message}`);
  process.exit(1);
}

// ---- 1. Stage the inputs in one folder, so global checks see main, preload and bundles together. ----------
// The tool scans .js/.ts/.html/package.json only, and bundles are .cjs: they are staged as .ts and mapped back.
// As .js the tool runs escope over them, which throws on class private fields (`#x`, used by ProfileService)
// and leaves the whole bundle unscanned; its TypeScript path parses plain JS fine and is how src-main is read.
const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-eng-src-'));
const repoPathOf = new Map(); // staged relative path → repo relative path

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function stage(repoRel, stagedRel = repoRel) {
  const to = path.join(staging, stagedRel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(path.join(root, repoRel), to);
  repoPathOf.set(stagedRel.split(path.sep).join('/'), repoRel.split(path.sep).join('/'));
}

// Tests are not shipped; they build hostile inputs on purpose.
const isTest = (rel) => /\.test\.tsx?$/.test(rel) || rel.startsWith(`src-main${path.sep}test${path.sep}`);
for (const file of walk(path.join(root, 'src-main'))) {
  const rel = path.relative(root, file);
  if (/\.tsx?$/.test(rel) && !isTest(rel)) stage(rel);
}
let bundles = 0;
for (const dir of ['dist/main', 'dist/preload']) {
  if (!fs.existsSync(path.join(root, dir))) continue;
  for (const file of walk(path.join(root, dir)).filter((f) => f.endsWith('.cjs'))) {
    const rel = path.relative(root, file);
    stage(rel, rel.replace(/\.cjs$/, '.ts'));
    bundles++;
  }
}
stage('package.json');
if (repoPathOf.size < 2) fail('nothing to scan under src-main');

// ---- 2. Inline suppressions hide findings from this gate; they belong in the allowlist with a reason. --------
const inline = [...repoPathOf.values()].filter((rel) => /eng-disable/.test(fs.readFileSync(path.join(root, rel), 'utf8')));

// ---- 3. Run. --------------------------------------------------------------------------------------------
const allow = JSON.parse(fs.readFileSync(allowFile, 'utf8')).allow;
for (const a of allow) {
  if (!/^[A-Z0-9_]+$/.test(a.check ?? '') || typeof a.file !== 'string' || typeof a.reason !== 'string' || a.reason.trim().length < 30) {
    fail(`allowlist entry ${JSON.stringify(a)} needs "check" (SNAKE_CASE id), "file" and a written "reason"`);
  }
}

fs.mkdirSync(outDir, { recursive: true });
const sarifFile = path.join(outDir, 'electronegativity.sarif');
fs.rmSync(sarifFile, { force: true });
process.env.LANG = 'en-US'; // the tool uses LANG as its message locale

// The gate runs offline: the tool's two network lookups (translations, Electron's release list) are refused
// up front instead of leaving the machine. Both failures are handled by the tool as "no connectivity"; under
// Node 24 a real, slowly failing request instead crashes it (got's retry timer throws after the promise settled).
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [toolDir] });
const offline = () => Promise.reject(Object.assign(new Error('offline: network lookups are disabled for this gate'), { code: 'EOFFLINE' }));
offline.head = offline;
offline.get = offline;
offline.default = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline, children: [], paths: [] };

const mod = require('@doyensec/electronegativity');
const run = typeof mod === 'function' ? mod : mod.default;
let result;
try {
  result = await run({
    input: staging,
    output: sarifFile,
    isSarif: true,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
  });
} finally {
  // The SARIF write is not awaited by the tool; give it a moment, then clean up the staging copy.
  for (let i = 0; i < 50 && !fs.existsSync(sarifFile); i++) await new Promise((r) => setTimeout(r, 100));
}

// ---- 4. Read the results back and classify. --------------------------------------------------------------
let sarif;
for (let i = 0; i < 50; i++) {
  try {
    sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
fs.rmSync(staging, { recursive: true, force: true });
if (!sarif) fail(`the tool wrote no readable SARIF to ${sarifFile}`);
const sarifResults = sarif.runs?.[0]?.results ?? [];
if (sarifResults.length !== result.issues.length) fail(`SARIF holds ${sarifResults.length} results but the run reported ${result.issues.length}`);

const toRepo = (file) => (file === 'N/A' ? 'N/A' : (repoPathOf.get(file.split(path.sep).join('/')) ?? file));
const used = new Set();
const findings = result.issues.map((issue) => {
  const file = toRepo(issue.file);
  const severity = issue.severity.name;
  const entry = allow.find((a) => a.check === issue.id && a.file === file);
  if (entry) used.add(entry);
  const status = severity !== 'HIGH' ? (issue.manualReview ? 'review' : 'info') : entry ? 'allowed' : 'BLOCKING';
  return {
    check: issue.id,
    severity,
    confidence: issue.confidence.name,
    file,
    line: issue.location?.line ?? 0,
    review: Boolean(issue.manualReview),
    status,
    reason: entry?.reason,
  };
});
const order = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFORMATIONAL: 4 };
findings.sort((a, b) => (order[a.severity] ?? 9) - (order[b.severity] ?? 9) || a.check.localeCompare(b.check) || a.file.localeCompare(b.file));
fs.writeFileSync(path.join(outDir, 'findings.json'), `${JSON.stringify({ electronVersion, findings, errors: result.errors }, null, 2)}\n`);

// ---- 5. Report. -----------------------------------------------------------------------------------------
const rows = findings.map((f) => [f.status, f.severity, f.confidence, f.check, f.file === 'N/A' ? '(global)' : `${f.file}:${f.line}`]);
const head = ['STATUS', 'SEVERITY', 'CONFIDENCE', 'CHECK', 'WHERE'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`;
console.log(
  `${tag} Electron ${electronVersion}; ${repoPathOf.size} files (${bundles} built bundles${bundles ? '' : ': run the main/preload builds to include them'}); ${result.atomicChecks} atomic + ${result.globalChecks} global checks`,
);
if (rows.length) console.log([line(head), ...rows.map(line)].join('\n'));
else console.log('  no findings');

const parseErrors = result.errors.filter((e) => !e.tolerable);
for (const e of result.errors) console.log(`  ${e.tolerable ? 'parse warning' : 'PARSE ERROR'}: ${toRepo(path.relative(staging, e.file))}: ${e.message}`);
for (const a of allow.filter((x) => !used.has(x)))
  console.log(`  note: allowlist entry ${a.check} @ ${a.file} matched nothing (remove it if the finding is gone for good)`);
console.log(`${tag} SARIF: ${sarifFile}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const blocking = findings.filter((f) => f.status === 'BLOCKING');
const problems = [
  blocking.length && `${blocking.length} HIGH finding(s) not in scripts/electronegativity-allow.json`,
  parseErrors.length && `${parseErrors.length} file(s) could not be parsed and were not scanned`,
  inline.length && `inline eng-disable suppressions in ${inline.join(', ')}: use the allowlist with a reason instead`,
].filter(Boolean);
if (problems.length) fail(problems.join('; '));
console.log(`${tag} passed: no unreviewed HIGH findings`);
