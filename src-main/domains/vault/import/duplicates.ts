import type { ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';
import { hostOf } from './normalize';

/** What the vault knows about an existing item, enough to spot a duplicate. */
export interface ExistingItemKey {
  title: string;
  username: string;
  url: string;
}

const keyOf = (host: string, title: string, username: string): string =>
  `${host ? `h:${host}` : `t:${title.trim().toLowerCase()}`}\u0000${username.trim().toLowerCase()}`;

/**
 * Indexes of `incoming` items that look like an item already in the vault, for the dry-run preview.
 * Two items match when their usernames are equal (case-insensitive, trimmed) and their hosts are equal
 * (lower case, without `www.`), or, when either side has no URL, their titles are equal. Any of an
 * incoming item's URLs may match. Items with the same title but different usernames (two `ovh.com`
 * accounts) never match each other.
 */
export function findDuplicates(incoming: readonly ImportedItem[], existing: readonly ExistingItemKey[]): number[] {
  const byHost = new Set<string>();
  const byTitleWithoutUrl = new Set<string>();
  const byTitle = new Set<string>();
  for (const e of existing) {
    const host = hostOf(e.url);
    const titleKey = keyOf('', e.title, e.username);
    byTitle.add(titleKey);
    if (host) byHost.add(keyOf(host, '', e.username));
    else byTitleWithoutUrl.add(titleKey);
  }
  const out: number[] = [];
  incoming.forEach(({ item }, index) => {
    const username = item.login?.username ?? '';
    const titleKey = keyOf('', item.title, username);
    const hosts = (item.login?.urls ?? []).map((u) => hostOf(u.url)).filter((h) => h !== '');
    const duplicate = hosts.length > 0 ? hosts.some((h) => byHost.has(keyOf(h, '', username))) || byTitleWithoutUrl.has(titleKey) : byTitle.has(titleKey);
    if (duplicate) out.push(index);
  });
  return out;
}
