import { createHash, randomBytes } from 'node:crypto';
import { any, full, has, int, login, room, setup, type SoakOp } from './soak-op-kit';

/** The soak's writes of the vault, batches, journal (with an attachment) and files modules. */
export const RECORD_WRITES: SoakOp[] = [
  {
    name: 'vault.create',
    weight: 6,
    can: room('vault'),
    run: (c) => {
      const state = `v${c.model.nextRev}`;
      return c.write('vault.create', { kind: 'vault', action: 'create', state }, async () => (await c.client.vault.create({ item: login(c, state) })).id);
    },
  },
  {
    name: 'vault.update',
    weight: 5,
    can: has('vault'),
    run: async (c) => {
      const id = any(c, 'vault');
      const rev = c.model.nextRev;
      await c.write('vault.update', { kind: 'vault', action: 'update', id, state: `v${rev}` }, async () => {
        await c.client.vault.update({ id, item: login(c, `v${rev}`) });
      });
    },
  },
  {
    name: 'vault.delete',
    weight: 2,
    can: full('vault'),
    run: async (c) => {
      const id = any(c, 'vault');
      await c.write('vault.delete', { kind: 'vault', action: 'delete', id }, async () => {
        await c.client.vault.trash({ id });
        await c.client.vault.purge({ id });
      });
    },
  },
  {
    name: 'batches.create',
    weight: 4,
    can: room('batch'),
    run: (c) => {
      const q = int(c.rand, 1, 500);
      const lot = `L${c.model.nextRev}`;
      const { productId, batchDate } = setup(c.model);
      return c.write('batches.create', { kind: 'batch', action: 'create', state: `${lot}/${q}` }, async () => {
        const out = await c.client.batches.create({ productId, lot, productionDate: batchDate, arrivalDate: batchDate, quantity: q });
        return out.batch.id;
      });
    },
  },
  {
    name: 'batches.update',
    weight: 4,
    can: has('batch'),
    run: (c) => {
      const id = any(c, 'batch');
      const q = int(c.rand, 1, 500);
      const lot = c.model.records.batch[id]!.split('/')[0]!;
      const { productId, batchDate } = setup(c.model);
      return c.write('batches.update', { kind: 'batch', action: 'update', id, state: `${lot}/${q}` }, async () => {
        await c.client.batches.update({ id, productId, lot, productionDate: batchDate, arrivalDate: batchDate, quantity: q });
      });
    },
  },
  {
    name: 'batches.delete',
    weight: 2,
    can: full('batch'),
    run: (c) => {
      const id = any(c, 'batch');
      return c.write('batches.delete', { kind: 'batch', action: 'delete', id }, async () => {
        await c.client.batches.delete({ id });
      });
    },
  },
  {
    name: 'journal.create',
    weight: 5,
    can: room('entry'),
    run: (c) => {
      const rev = c.model.nextRev;
      return c.write('journal.create', { kind: 'entry', action: 'create', state: `e${rev}` }, async () => {
        const body = `${c.canary} entry ${rev}\n\n- [ ] walk`;
        return (await c.client.journal.create({ journalId: setup(c.model).journalId, title: `e${rev}`, body, tags: ['soak'] })).id;
      });
    },
  },
  {
    name: 'journal.update',
    weight: 4,
    can: has('entry'),
    run: (c) => {
      const id = any(c, 'entry');
      const rev = c.model.nextRev;
      return c.write('journal.update', { kind: 'entry', action: 'update', id, state: `e${rev}` }, async () => {
        await c.client.journal.update({ id, title: `e${rev}`, body: `${c.canary} entry ${rev} edited` });
      });
    },
  },
  {
    name: 'journal.trash',
    weight: 2,
    can: full('entry'),
    run: (c) => {
      const id = any(c, 'entry');
      return c.write('journal.trash', { kind: 'entry', action: 'delete', id }, async () => {
        await c.client.journal.trash({ id });
      });
    },
  },
  {
    name: 'journal.attach',
    weight: 2,
    can: (m) => has('entry')(m) && room('attachment')(m),
    run: (c) => {
      const entryId = any(c, 'entry');
      return c.write('journal.attach', { kind: 'attachment', action: 'create', state: entryId }, async () => {
        const blobId = await c.upload(Buffer.from(`${c.canary} attachment ${randomBytes(8).toString('hex')}\n`));
        return (await c.client.journal.attach({ entryId, blobId, name: 'note.txt' })).id;
      });
    },
  },
  {
    name: 'files.put',
    weight: 4,
    can: room('file'),
    run: (c) => {
      const bytes = Buffer.concat([Buffer.from(`${c.canary} file\n`), randomBytes(int(c.rand, 16, 64 * 1024))]);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const rev = c.model.nextRev;
      return c.write('files.put', { kind: 'file', action: 'create', state: `f${rev}.bin`, hash }, async () => {
        const out = await c.client.files.add({ blobId: await c.upload(bytes), name: `f${rev}.bin` });
        if (out.duplicateOf !== null) throw new Error('files.add took random bytes for a duplicate');
        return out.file.id;
      });
    },
  },
  {
    name: 'files.rename',
    weight: 2,
    can: has('file'),
    run: (c) => {
      const id = any(c, 'file');
      const rev = c.model.nextRev;
      return c.write('files.rename', { kind: 'file', action: 'update', id, state: `f${rev}.bin` }, async () => {
        await c.client.files.rename({ id, name: `f${rev}.bin` });
      });
    },
  },
  {
    name: 'files.trash',
    weight: 2,
    can: full('file'),
    run: (c) => {
      const id = any(c, 'file');
      return c.write('files.trash', { kind: 'file', action: 'delete', id }, async () => {
        await c.client.files.trash({ id });
      });
    },
  },
];
