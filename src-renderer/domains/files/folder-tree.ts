import type { Folder } from '../../../src-shared/domains/files/files.schemas';

/** The subfolders of `parentId` (null: the top level), by name. */
export function childrenOf(folders: readonly Folder[], parentId: string | null): Folder[] {
  return folders.filter((f) => f.parentId === parentId).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
}

/**
 * The folders from the top down to `id` (for breadcrumbs). Stops at a missing parent or a loop, so a tree
 * that changed under the page never hangs it.
 */
export function pathTo(folders: readonly Folder[], id: string | null): Folder[] {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const path: Folder[] = [];
  const seen = new Set<string>();
  for (let at = id ? byId.get(id) : undefined; at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    path.unshift(at);
  }
  return path;
}

/** `id` and every folder below it (a folder cannot be moved into one of these). */
export function subtreeIds(folders: readonly Folder[], id: string): Set<string> {
  const ids = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const f of folders) {
      if (f.parentId && ids.has(f.parentId) && !ids.has(f.id)) {
        ids.add(f.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Every folder as `Trip / Docs`, for a "Move to" picker, in tree order. */
export function folderChoices(folders: readonly Folder[]): { id: string; label: string; depth: number }[] {
  const out: { id: string; label: string; depth: number }[] = [];
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    for (const f of childrenOf(folders, parentId)) {
      const label = prefix ? `${prefix} / ${f.name}` : f.name;
      out.push({ id: f.id, label, depth });
      if (depth < 64) walk(f.id, label, depth + 1);
    }
  };
  walk(null, '', 0);
  return out;
}
