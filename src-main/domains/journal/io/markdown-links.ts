import { codeMask, wikilinks } from './markdown-scan';
import { linkPath } from './paths';

/**
 * Links from a Markdown note to files beside it, rewritten to `attachment:` links (import-markdown.ts decides
 * which file a target means and who owns it). Nothing inside code is touched.
 */

/** Which file in the folder a link target means, or null; wikilinks may also match by file name alone. */
export type Resolve = (target: string, fromWikilink: boolean) => string | null;

/** Note files: never attachments, links to them stay as written. */
export const isNote = (path: string): boolean => /\.(md|markdown)$/i.test(path);

/** `![[file.png]]` to a file in the folder → `![file.png](attachment:…)`; every other `[[…]]` stays and is recorded. */
export function rewriteWikiEmbeds(body: string, resolve: Resolve, link: (path: string) => string, links: string[], missing: string[]): string {
  let out = '';
  let at = 0;
  for (const w of wikilinks(body)) {
    const target = w.target.replace(/#.*$/, '');
    const isFile = w.embed && /\.[a-z0-9]+$/i.test(target) && !isNote(target);
    const path = isFile ? resolve(target, true) : null;
    if (isFile && !path) missing.push(target);
    if (!path) {
      links.push(w.target);
      continue;
    }
    out += `${body.slice(at, w.index)}![${w.alias && !/^\d+(x\d+)?$/.test(w.alias) ? w.alias : path.slice(path.lastIndexOf('/') + 1)}](${link(path)})`;
    at = w.index + w.length;
  }
  return out + body.slice(at);
}

/** `![alt](x.png)` and `[name](file.pdf)` to a non-note file in the folder → `attachment:` links; others untouched. */
export function rewriteLinks(body: string, resolve: Resolve, link: (path: string) => string): string {
  let mask: Uint8Array | undefined;
  return body.replace(/(!?\[[^\]\n]*\]\()(<[^>\n]*>|[^)\s]+)((?:\s+"[^"\n]*")?\))/g, (all, open: string, dest: string, close: string, index: number) => {
    mask ??= codeMask(body);
    if (mask[index]) return all;
    const target = linkPath(dest);
    if (!target || isNote(target)) return all;
    const path = resolve(target, false);
    return path ? `${open}${link(path)}${close}` : all;
  });
}
