import { describe, expect, it } from 'vitest';
import { PASSWORD, testCore } from '../test/helpers';
import { batch, product, setupShop } from './batches/batches.test-helpers';

// Lists people read are in their locale's order, ignoring case, with numbers by value (issue 7):
// before, titles and products came in byte order ("Zebra" before "apple", "Item 10" before "Item 2").
describe('list order (vault items, folders, tags; batches products and suppliers)', () => {
  it('sorts vault titles, folders and tags case-insensitively with numbers by value', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'Sort', password: PASSWORD });
    const add = (title: string, folder: string, tag: string) =>
      core.client.vault.create({ item: { type: 'note', title, folder, tags: [tag], secureNote: 'x' } });
    await add('Zebra', 'work', 'b-tag');
    await add('apple', 'Archive', 'A-tag');
    await add('Item 10', 'Work 2', 'c');
    await add('item 2', 'home', 'B2');
    const titles = (await core.client.vault.list({})).items.map((i) => i.title);
    expect(titles).toEqual(['apple', 'item 2', 'Item 10', 'Zebra']);
    expect((await core.client.vault.folders()).map((f) => f.name)).toEqual(['Archive', 'home', 'work', 'Work 2']);
    expect((await core.client.vault.tags()).map((t) => t.name)).toEqual(['A-tag', 'b-tag', 'B2', 'c']);
  });

  it('sorts batches products and the supplier filter the same way', async () => {
    const shop = await setupShop();
    for (const [name, supplier] of [
      ['Zucchini', 'mill bakery'],
      ['apple juice', 'Dairy Co'],
      ['Bread 10', 'Ãcme'],
      ['bread 2', 'Zed farm'],
    ] as const) {
      const p = await product(shop, { name });
      await batch(shop, p.id, { lot: `L-${name}`, supplier });
    }
    expect((await shop.call('listProducts')).map((p) => p.name)).toEqual(['apple juice', 'bread 2', 'Bread 10', 'Zucchini']);
    expect((await shop.call('list', {})).suppliers).toEqual(['Ãcme', 'Dairy Co', 'mill bakery', 'Zed farm']);
  });
});
