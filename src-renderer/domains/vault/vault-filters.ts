import type { ItemSummary, ItemType, ListItemsInput } from '../../../src-shared/domains/vault/vault.schemas';

/** What the middle pane lists. `health` swaps the list for the health report. */
export type VaultFilter =
  | { kind: 'all' }
  | { kind: 'favorites' }
  | { kind: 'recent' }
  | { kind: 'type'; type: ItemType }
  | { kind: 'folder'; name: string }
  | { kind: 'tag'; name: string }
  | { kind: 'trash' }
  | { kind: 'health' };

export interface VaultCounts {
  all: number;
  favorites: number;
  recent: number;
  trash: number;
  byType: Record<ItemType, number>;
}

/** How many items the "Recently used" view shows. */
export const RECENT_LIMIT = 20;

/** The list request for a filter and query (ranking and filtering happen in main); null for health. */
export function listInputFor(filter: VaultFilter, query: string): ListItemsInput | null {
  const base = { query: query.trim() };
  switch (filter.kind) {
    case 'all':
    case 'recent':
      return base;
    case 'favorites':
      return { ...base, favorites: true };
    case 'type':
      return { ...base, type: filter.type };
    case 'folder':
      return { ...base, folder: filter.name };
    case 'tag':
      return { ...base, tag: filter.name };
    case 'trash':
      return { ...base, trash: true };
    case 'health':
      return null;
  }
}

/** Items used most recently first; with a query, main's ranking is kept. */
export function recentOf(items: ItemSummary[], ranked: boolean): ItemSummary[] {
  const used = items.filter((i) => i.lastUsedAt !== null);
  return (ranked ? used : used.sort((a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''))).slice(0, RECENT_LIMIT);
}

/** Sidebar counts from the live items and the number in the trash. */
export function countsOf(live: ItemSummary[], trashed: number): VaultCounts {
  const byType: Record<ItemType, number> = { login: 0, note: 0, card: 0, identity: 0 };
  for (const item of live) byType[item.type] += 1;
  return {
    all: live.length,
    favorites: live.filter((i) => i.favorite).length,
    recent: Math.min(RECENT_LIMIT, live.filter((i) => i.lastUsedAt !== null).length),
    trash: trashed,
    byType,
  };
}
