// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is in scripts/), whatever folder ESLint runs from. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * ESLint rule `hearth/domain-boundaries` (docs/architecture.md#layering): code inside
 * `src-{main,renderer,shared}/domains/<d>/` may reach another domain of the same layer only through
 * that domain's public index (`../<e>` or `../<e>/index`), never a file inside it. It resolves each
 * relative import against the importing file, so the depth of the importing file does not matter
 * (a path pattern in no-restricted-imports cannot tell `../export/csv` in vault/import from
 * `../batches/x` in vault). Files outside domains (app/, cli/, workers/, db/) are composition roots
 * and may import domain internals.
 */

const DOMAIN = /^(src-main|src-renderer|src-shared)\/domains\/([^/]+)\/(.*)$/;

/** `{ layer, domain, rest }` for a repository-relative path inside a domain folder, else null. */
function domainOf(relative) {
  const m = DOMAIN.exec(relative.split(path.sep).join('/'));
  return m ? { layer: m[1], domain: m[2], rest: m[3] } : null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'A domain imports another domain only through its public index.' },
    schema: [],
    messages: {
      internal: 'Import "{{target}}" through its public index ("{{index}}"), not a file inside it: a domain only sees what another domain exports.',
    },
  },
  create(context) {
    const root = ROOT;
    const from = domainOf(path.relative(root, context.filename));
    if (!from) return {};
    /** @param {any} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const resolved = path.relative(root, path.resolve(path.dirname(context.filename), source.value));
      const to = domainOf(`${resolved}/`);
      if (!to || to.layer !== from.layer || to.domain === from.domain) return;
      const rest = to.rest.replace(/\/$/, '');
      if (rest === '' || rest === 'index') return;
      const index = path
        .relative(path.dirname(context.filename), path.join(root, to.layer, 'domains', to.domain))
        .split(path.sep)
        .join('/');
      context.report({ node: source, messageId: 'internal', data: { target: source.value, index: index.startsWith('.') ? index : `./${index}` } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'domain-boundaries': rule } };
