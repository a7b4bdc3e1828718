import type { z } from 'zod';
import type { ItemData, ItemSummary, ListItemsInput, ListItemsResult } from '../../../src-shared/domains/vault/vault.schemas';
import { sortByName } from '../../../src-shared/lib/collate';
import type { VaultCore } from './vault-core';
import { joinItem, toSummary } from './vault-mapping';
import { VaultSearchIndex } from './vault-search';
import { openField, openFields, parseSealedMap } from './vault-secrets';
import { vaultRepository as repo } from './vault.repository';
import type { VaultItemRow } from './vault.table';

/** Lists, search, one item's metadata, folders and tags; and (main-only) every item opened, for export and health. */
export function createVaultRead(core: VaultCore) {
  const { deps } = core;
  return {
    /** One page of the matching items, with the total, so a long list is never cut without saying so. */
    async list(input: z.output<typeof ListItemsInput>): Promise<ListItemsResult> {
      let candidates: ItemSummary[];
      if (input.trash) {
        const rows = await repo.listAll(deps.db(), true);
        candidates =
          input.query.trim() === ''
            ? rows.map(toSummary)
            : new VaultSearchIndex(rows.map((r) => ({ ...toSummary(r), notes: r.notes })))
                .search(input.query, Infinity)
                .map((id) => toSummary(rows.find((r) => r.id === id)!));
      } else {
        const cache = await core.liveItems();
        candidates = input.query.trim() === '' ? cache.all() : cache.search(input.query, Infinity);
      }
      const matched = candidates.filter(
        (s) =>
          (!input.type || s.type === input.type) &&
          (input.folder === undefined || s.folder === input.folder || s.folder.startsWith(`${input.folder}/`)) &&
          (!input.tag || s.tags.includes(input.tag)) &&
          (!input.favorites || s.favorite),
      );
      const items = matched.slice(input.offset, input.offset + input.limit);
      const end = input.offset + items.length;
      return { items, total: matched.length, nextOffset: end < matched.length ? end : null };
    },

    /** Every live item's summary (import duplicate preview); main-internal, never a page. */
    allLive: async (): Promise<ItemSummary[]> => (await core.liveItems()).all(),

    get: async ({ id }: { id: string }) => core.detail(await core.row(id)),

    async folders() {
      return countBy((await repo.listAll(deps.db(), false)).map((r) => r.folder).filter(Boolean));
    },

    async tags() {
      return countBy((await repo.listAll(deps.db(), false)).flatMap((r) => JSON.parse(r.tags) as string[]));
    },

    /** Every live item with its secrets, one at a time (export, health). Never crosses IPC. */
    async *allPlain(): AsyncGenerator<{ row: VaultItemRow; item: ItemData; passwordHistory: { password: string; changedAt: string }[] }> {
      const key = deps.itemsKey();
      for (const r of await repo.listAll(deps.db(), false)) {
        const history = (await repo.passwordHistory(deps.db(), r.id)).map((h) => ({
          password: openField(key, r.id, `history:${h.id}`, h.sealed),
          changedAt: h.changed_at,
        }));
        yield { row: r, item: joinItem(r, openFields(key, r.id, parseSealedMap(r.secrets))), passwordHistory: history };
      }
    },
  };
}

function countBy(values: string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return sortByName(
    [...counts].map(([name, count]) => ({ name, count })),
    (c) => c.name,
  );
}
