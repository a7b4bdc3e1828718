import { zipSync, type Zippable } from 'fflate';

/**
 * A picked folder as ONE uncompressed ZIP (store only: the bytes are copied, not deflated). Folder imports
 * travel this way from the renderer and the CLI: one upload, one stored file and one read instead of one of
 * each per file (10,000 notes took two minutes as single uploads, mostly in fsyncs). The importers open the ZIP
 * with their usual limits. Paths must be relative ('vault/notes/a.md'); the caller checked the total size.
 */
export function packFolder(files: readonly { path: string; bytes: Uint8Array }[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[f.path] = [f.bytes, { level: 0 }];
  return zipSync(tree, { level: 0 });
}
