import { describe, expect, it } from 'vitest';
import { LIST_PAGE_MAX, ListItemsInput } from '../../../src-shared/domains/vault/vault.schemas';
import { errorOf, PASSWORD, testCore } from '../../test/helpers';

/** `vault:list` answers in pages with the total, through the router on a real profile. */
describe('vault list paging', () => {
  it('says how many items match and where the next page starts, and the pages cover every item once', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'P', password: PASSWORD });
    for (let i = 0; i < 7; i++) await core.client.vault.create({ item: { type: i < 5 ? 'note' : 'card', title: `Item ${i}` } });
    // The page size is the input's limit (LIST_PAGE_MAX when omitted); 3 here keeps the test small.
    const first = await core.client.vault.list({ limit: 3 });
    expect(first).toMatchObject({ total: 7, nextOffset: 3 });
    const seen = [...first.items];
    for (let offset = first.nextOffset; offset !== null;) {
      const page = await core.client.vault.list({ limit: 3, offset });
      seen.push(...page.items);
      offset = page.nextOffset;
    }
    expect(seen.map((i) => i.title)).toEqual(['Item 0', 'Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5', 'Item 6']);
    // Filters and queries count what they match, not what fits.
    expect(await core.client.vault.list({ type: 'note', limit: 2 })).toMatchObject({ total: 5, nextOffset: 2 });
    expect(await core.client.vault.list({ query: 'item', limit: 4, offset: 4 })).toMatchObject({ total: 7, nextOffset: null });
    expect((await core.client.vault.list({})).nextOffset).toBeNull();
  });

  it('ships a page limit of 100,000 and refuses a larger one', async () => {
    expect(LIST_PAGE_MAX).toBe(100_000);
    expect(ListItemsInput.parse({}).limit).toBe(LIST_PAGE_MAX);
    const core = testCore();
    await core.client.profile.create({ name: 'P', password: PASSWORD });
    expect((await errorOf(core.client.vault.list({ limit: LIST_PAGE_MAX + 1 }))).code).toBe('INVALID_INPUT');
  });
});
