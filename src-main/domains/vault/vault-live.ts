import type { Kysely } from 'kysely';
import type { ItemSummary } from '../../../src-shared/domains/vault/vault.schemas';
import { sortByName } from '../../../src-shared/lib/collate';
import type { Database } from '../../db/database';
import { toSummary } from './vault-mapping';
import { VaultSearchIndex } from './vault-search';
import { vaultRepository as repo, type VaultItemMeta } from './vault.repository';

const REFRESH_CHUNK = 500;

/**
 * The live (not trashed) items' summaries and search index, held in main memory while unlocked so
 * list and search never re-read the table. Loaded once, then patched per changed item; dropped on lock.
 * Holds metadata only: sealed secrets are never read into it.
 */
export class LiveItems {
  readonly #summaries = new Map<string, ItemSummary>();
  readonly #index = new VaultSearchIndex();
  #sorted: ItemSummary[] | null = null;

  private constructor() {}

  static async load(db: Kysely<Database>): Promise<LiveItems> {
    const live = new LiveItems();
    for (const row of await repo.listLiveMeta(db)) live.#put(row);
    return live;
  }

  #put(row: VaultItemMeta): void {
    const summary = toSummary(row);
    this.#summaries.set(row.id, summary);
    this.#index.upsert({ ...summary, notes: row.notes });
  }

  /** Re-reads the given items; those no longer live (trashed, erased) drop out. */
  async refresh(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
      const chunk = ids.slice(i, i + REFRESH_CHUNK);
      const rows = await repo.listLiveMeta(db, chunk);
      const seen = new Set(rows.map((r) => r.id));
      for (const id of chunk) {
        if (!seen.has(id)) {
          this.#summaries.delete(id);
          this.#index.remove(id);
        }
      }
      for (const r of rows) this.#put(r);
    }
    this.#sorted = null;
  }

  /** Every live item, by title (locale order, case-insensitive, numbers by value). */
  all(): ItemSummary[] {
    this.#sorted ??= sortByName([...this.#summaries.values()], (s) => s.title);
    return this.#sorted;
  }

  /** Ranked matches. */
  search(query: string, limit: number): ItemSummary[] {
    return this.#index.search(query, limit).map((id) => this.#summaries.get(id)!);
  }
}
