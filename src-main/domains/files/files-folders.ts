import type { Kysely } from 'kysely';
import { FolderName, MAX_PATH_DEPTH } from '../../../src-shared/domains/files/files.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import { folderRow, liveFolderRow, toFolder, type FilesContext, type FilesHandlers } from './files-core';

/** A live folder of this name under `parentId` (names compare case-insensitively, like most file systems). */
async function sibling(trx: Kysely<Database>, parentId: string | null, name: string) {
  return trx
    .selectFrom('file_folders')
    .selectAll()
    .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

async function insertFolder(trx: Kysely<Database>, parentId: string | null, name: string, now: string) {
  const row = { id: newId(), name, parent_id: parentId, created_at: now, updated_at: now, deleted_at: null };
  await trx.insertInto('file_folders').values(row).execute();
  return row;
}

/** The folder and every folder below it (ids), breadth first. */
export async function folderTree(db: Kysely<Database>, rootId: string): Promise<string[]> {
  const all = await db.selectFrom('file_folders').select(['id', 'parent_id']).execute();
  const children = new Map<string, string[]>();
  for (const f of all) if (f.parent_id !== null) children.set(f.parent_id, [...(children.get(f.parent_id) ?? []), f.id]);
  const out = [rootId];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/**
 * Splits a folder drop's relative path (`trip/docs/a.pdf`) into its folder names (`trip`, `docs`); the last
 * segment is the file's own name and is dropped. SECURITY: every segment must be a plain name: `..`, `.`,
 * an empty segment, a backslash or a control character is refused (INVALID_INPUT) before anything is written,
 * so a hostile path cannot climb out of the drop folder or smuggle separators into a name.
 */
export function folderSegments(relativePath: string): string[] {
  const parts = relativePath.split('/');
  parts.pop();
  if (parts.length > MAX_PATH_DEPTH) throw new AppError('INVALID_INPUT', `A dropped folder can be at most ${MAX_PATH_DEPTH} levels deep.`);
  return parts.map((segment) => {
    const parsed = FolderName.safeParse(segment);
    if (!parsed.success || parsed.data !== segment) {
      throw new AppError('INVALID_INPUT', `"${segment.slice(0, 40)}" is not a folder name that can be used in a relative path.`);
    }
    return segment;
  });
}

/** The folder at `segments` below `baseId`, creating what is missing (inside the caller's write). */
export async function ensurePath(trx: Kysely<Database>, baseId: string | null, segments: readonly string[], now: string): Promise<string | null> {
  let parent = baseId;
  for (const name of segments) {
    const found = await sibling(trx, parent, name);
    parent = found ? found.id : (await insertFolder(trx, parent, name, now)).id;
  }
  return parent;
}

export function createFolderHandlers(fx: FilesContext): Pick<FilesHandlers, 'createFolder' | 'renameFolder' | 'trashFolder' | 'restoreFolder'> {
  const { ctx } = fx;
  return {
    createFolder: (input) =>
      ctx.write(async (trx) => {
        if (input.parentId !== null) await liveFolderRow(trx, input.parentId);
        if (await sibling(trx, input.parentId, input.name)) throw new AppError('CONFLICT', `A folder named "${input.name}" is already there.`);
        return toFolder(await insertFolder(trx, input.parentId, input.name, fx.nowIso()));
      }),

    renameFolder: (input) =>
      ctx.write(async (trx) => {
        const row = await liveFolderRow(trx, input.id);
        const clash = await sibling(trx, row.parent_id, input.name);
        if (clash && clash.id !== row.id) throw new AppError('CONFLICT', `A folder named "${input.name}" is already there.`);
        const now = fx.nowIso();
        await trx.updateTable('file_folders').set({ name: input.name, updated_at: now }).where('id', '=', row.id).execute();
        return toFolder({ ...row, name: input.name, updated_at: now });
      }),

    /** The folder, its subfolders and their live files go to the trash with one timestamp, so restore brings back exactly them. */
    trashFolder: ({ id }) =>
      ctx.write(async (trx) => {
        const row = await liveFolderRow(trx, id);
        const ids = await folderTree(trx, id);
        const now = fx.nowIso();
        for (let i = 0; i < ids.length; i += 500) {
          const part = ids.slice(i, i + 500);
          await trx.updateTable('file_folders').set({ deleted_at: now, updated_at: now }).where('id', 'in', part).where('deleted_at', 'is', null).execute();
          await trx.updateTable('files').set({ deleted_at: now, updated_at: now }).where('folder_id', 'in', part).where('deleted_at', 'is', null).execute();
        }
        return toFolder({ ...row, deleted_at: now, updated_at: now });
      }),

    restoreFolder: ({ id }) =>
      ctx.write(async (trx) => {
        const row = await folderRow(trx, id);
        if (row.deleted_at === null) return toFolder(row);
        const stamp = row.deleted_at;
        const now = fx.nowIso();
        const ids = await folderTree(trx, id);
        for (let i = 0; i < ids.length; i += 500) {
          const part = ids.slice(i, i + 500);
          await trx.updateTable('file_folders').set({ deleted_at: null, updated_at: now }).where('id', 'in', part).where('deleted_at', '=', stamp).execute();
          await trx.updateTable('files').set({ deleted_at: null, updated_at: now }).where('folder_id', 'in', part).where('deleted_at', '=', stamp).execute();
        }
        // A trashed parent comes back too (only the parents, not what else was in them), so the folder is reachable.
        for (let p = row.parent_id; p !== null;) {
          const parent = await folderRow(trx, p);
          if (parent.deleted_at !== null) await trx.updateTable('file_folders').set({ deleted_at: null, updated_at: now }).where('id', '=', p).execute();
          p = parent.parent_id;
        }
        return toFolder({ ...row, deleted_at: null, updated_at: now });
      }),
  };
}
