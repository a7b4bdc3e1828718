import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The product's documentation lives in docs/. Code and README point into it by anchor
 * (`docs/security.md#clipboard`); these tests keep every such pointer resolvable and keep references to
 * files outside the repository from creeping back in.
 */
const REPO = path.resolve(import.meta.dirname, '../..');
const DOCS = ['architecture', 'security', 'formats', 'libraries', 'sync'];
const SCANNED_DIRS = ['src-main', 'src-server', 'src-renderer', 'src-shared', 'scripts', 'e2e', 'docs'];
const SCANNED_FILES = ['README.md', 'electron-builder.yml', 'eslint.config.js', 'vite.config.ts', 'package.json'];
const TEXT = /\.(ts|tsx|mjs|cjs|js|md|yml|json|html|css)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'artifacts']);
/** The one file allowed to name the sample-file folder beside the checkout. */
const FIXTURES_HELPER = 'src-main/test/fixtures.ts';

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(full, out);
    } else if (TEXT.test(name)) {
      out.push(full);
    }
  }
  return out;
}

const files = [...SCANNED_DIRS.flatMap((d) => walk(path.join(REPO, d))), ...SCANNED_FILES.map((f) => path.join(REPO, f))].map((full) => ({
  rel: path.relative(REPO, full).split(path.sep).join('/'),
  text: readFileSync(full, 'utf8'),
}));

/** Anchors a docs page offers: explicit `<a id>` targets and GitHub-style heading slugs. */
function anchorsOf(markdown: string): Set<string> {
  const ids = [...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] ?? '');
  const slugs = [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
    (m[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N} -]/gu, '')
      .replace(/ /g, '-'),
  );
  return new Set([...ids, ...slugs]);
}

describe('docs', () => {
  it('has the four documentation pages', () => {
    for (const doc of DOCS)
      expect(
        files.some((f) => f.rel === `docs/${doc}.md`),
        `docs/${doc}.md`,
      ).toBe(true);
  });

  it('leaves no reference to guidance files outside the repository in product files', () => {
    // Built from parts so this file does not match itself.
    const outside = new RegExp(['SECURITY', 'STANDARDS', 'STYLE'].map((n) => `\\b${n}\\.md`).join('|') + '|\\.\\./shared\\b');
    const offenders = files
      .filter((f) => f.rel !== FIXTURES_HELPER)
      .flatMap((f) => f.text.split('\n').flatMap((line, i) => (outside.test(line) ? [`${f.rel}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });

  it('explains every dependency of package.json in docs/libraries.md', () => {
    const pkg = JSON.parse(files.find((f) => f.rel === 'package.json')?.text ?? '{}') as Record<string, Record<string, string> | undefined>;
    const libraries = files.find((f) => f.rel === 'docs/libraries.md')?.text ?? '';
    const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !libraries.includes(`\`${name}\``))).toEqual([]);
  });

  it('resolves every docs/<page>.md#anchor pointer in code, scripts, README and the docs themselves', () => {
    const anchors = new Map(DOCS.map((d) => [d, anchorsOf(files.find((f) => f.rel === `docs/${d}.md`)?.text ?? '')]));
    const broken: string[] = [];
    let checked = 0;
    for (const f of files) {
      const inDocs = f.rel.startsWith('docs/');
      const pattern = inDocs ? /\]\((?:docs\/)?([a-z]+)\.md#([\w-]+)\)/g : /docs\/([a-z]+)\.md#([\w-]+)/g;
      for (const [, page = '', anchor = ''] of f.text.matchAll(pattern)) {
        checked += 1;
        const known = anchors.get(page);
        if (!known?.has(anchor)) broken.push(`${f.rel}: docs/${page}.md#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });
});
