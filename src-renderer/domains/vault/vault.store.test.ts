import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ItemDetail, ItemSummary, ListItemsResult } from '../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { fake } from '../../api/fake-client';
import { resetSessionState } from '../../lib/session-reset';
import { isCancelled, listInputFor, SEARCH_DEBOUNCE_MS, useVaultStore } from './vault.store';

vi.mock('../../api/client', async () => (await import('../../api/fake-client')).fakeClientModule);

const PASSWORD = 'ember quiet harbor violet lantern 74';
const id = (n: number) => `01JD00000000000000000000${String(n).padStart(2, '0')}`;

function summary(n: number, patch: Partial<ItemSummary> = {}): ItemSummary {
  return {
    id: id(n),
    type: 'login',
    title: `Item ${n}`,
    subtitle: `user${n}`,
    folder: '',
    tags: [],
    favorite: false,
    reprompt: false,
    hasTotp: false,
    urls: [],
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
    deletedAt: null,
    lastUsedAt: null,
    ...patch,
  };
}

function detail(n: number, patch: Partial<ItemDetail> = {}): ItemDetail {
  return {
    ...summary(n),
    notes: '',
    card: null,
    identity: null,
    hasSecureNote: false,
    fields: [],
    login: { username: `user${n}`, urls: [], hasPassword: true, passwordChangedAt: null },
    ...patch,
  };
}

/** A one-page answer from main. */
const page = (items: ItemSummary[]): ListItemsResult => ({ items, total: items.length, nextOffset: null });

const initialState = useVaultStore.getState();
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const calls = (channel: string) => fake.calls.filter((c) => c.channel === channel);

beforeEach(() => {
  fake.reset();
  useVaultStore.setState(initialState, true);
  fake.handle('vault', 'list', (input) => page(input.trash ? [] : [summary(1), summary(2, { favorite: true }), summary(3)]));
  fake.handle('vault', 'folders', () => []);
  fake.handle('vault', 'tags', () => []);
  fake.handle('vault', 'get', ({ id: itemId }) => detail(Number(itemId.slice(-2))));
  fake.handle('vault', 'passwordHistory', () => []);
  fake.handle('vault', 'versions', () => []);
});

describe('vault.store', () => {
  it('loads the list and counts on start and refreshes on vault.onChanged', async () => {
    const stop = useVaultStore.getState().start();
    await tick();
    expect(useVaultStore.getState().items.map((i) => i.title)).toEqual(['Item 1', 'Item 2', 'Item 3']);
    expect(useVaultStore.getState().counts).toMatchObject({ all: 3, favorites: 1, trash: 0, byType: { login: 3 } });
    expect(fake.listenerCount('vault', 'changed')).toBe(1);

    const before = calls('vault:list').length;
    fake.emit('vault', 'changed', { ids: [id(1)] });
    await tick();
    expect(calls('vault:list').length).toBeGreaterThan(before);
    stop();
    expect(fake.listenerCount('vault', 'changed')).toBe(0);
  });

  it("reads a list longer than one page of main's answer page by page, so nothing is cut", async () => {
    const all = Array.from({ length: 5 }, (_, i) => summary(i + 1));
    fake.handle('vault', 'list', ({ offset = 0, trash }) => {
      const items = trash ? [] : all.slice(offset, offset + 2); // main's page size, made small here
      const end = offset + items.length;
      return { items, total: trash ? 0 : all.length, nextOffset: end < (trash ? 0 : all.length) ? end : null };
    });
    await useVaultStore.getState().refresh();
    expect(useVaultStore.getState().items.map((i) => i.title)).toEqual(['Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5']);
    expect(useVaultStore.getState().counts).toMatchObject({ all: 5 });
  });

  it("shows the health report's scoring progress from main, and unsubscribes on stop", async () => {
    fake.handle('vault', 'health', () => ({ checked: 0, findings: [] }));
    const stop = useVaultStore.getState().start();
    fake.emit('vault', 'healthProgress', { done: 250, total: 1000 });
    expect(useVaultStore.getState().healthProgress).toEqual({ done: 250, total: 1000 });
    fake.emit('vault', 'healthProgress', { done: 1000, total: 1000 });
    expect(useVaultStore.getState().healthProgress).toBeNull();
    stop();
    expect(fake.listenerCount('vault', 'healthProgress')).toBe(0);
  });

  it('coalesces overlapping refreshes into one more run', async () => {
    const { refresh } = useVaultStore.getState();
    await Promise.all([refresh(), refresh(), refresh()]);
    // The first run and one follow-up, each listing the view, the live items and the trash.
    expect(calls('vault:list')).toHaveLength(6);
  });

  it('maps each filter to the list request main ranks and filters', () => {
    expect(listInputFor({ kind: 'all' }, ' acme ')).toEqual({ query: 'acme' });
    expect(listInputFor({ kind: 'favorites' }, '')).toEqual({ query: '', favorites: true });
    expect(listInputFor({ kind: 'type', type: 'card' }, '')).toEqual({ query: '', type: 'card' });
    expect(listInputFor({ kind: 'folder', name: 'Work' }, '')).toEqual({ query: '', folder: 'Work' });
    expect(listInputFor({ kind: 'tag', name: 'mail' }, '')).toEqual({ query: '', tag: 'mail' });
    expect(listInputFor({ kind: 'trash' }, '')).toEqual({ query: '', trash: true });
    expect(listInputFor({ kind: 'health' }, '')).toBeNull();
  });

  it('debounces the search and ignores answers that arrive out of order', async () => {
    let slow: (v: ListItemsResult) => void = () => undefined;
    fake.handle('vault', 'list', ({ query }) =>
      query === 'a' ? new Promise<ListItemsResult>((resolve) => (slow = resolve)) : page([summary(9, { title: 'ACME' })]),
    );
    const { setQuery } = useVaultStore.getState();
    setQuery('a');
    await tick(SEARCH_DEBOUNCE_MS + 20);
    setQuery('ac');
    setQuery('acm');
    await tick(SEARCH_DEBOUNCE_MS + 20);
    slow(page([summary(1)]));
    await tick();
    expect(calls('vault:list').map((c) => (c.input as { query: string }).query)).toEqual(['a', 'acm']);
    expect(useVaultStore.getState().items.map((i) => i.title)).toEqual(['ACME']);
  });

  it('asks for the master password on REPROMPT_REQUIRED, retries after a wrong one and never keeps it', async () => {
    fake.handle('vault', 'reveal', ({ password }) => {
      if (password === undefined) throw new AppError('REPROMPT_REQUIRED', 'This item asks for your master password first.');
      if (password !== PASSWORD) throw new AppError('WRONG_PASSWORD', 'Wrong password.');
      return { value: 's3cret' };
    });
    const revealed = useVaultStore.getState().reveal(id(1), 'password');
    await tick();
    expect(useVaultStore.getState().reprompt).toMatchObject({ error: null, attempt: 1 });

    useVaultStore.getState().submitReprompt('nope');
    await tick();
    expect(useVaultStore.getState().reprompt).toMatchObject({ error: 'Wrong password', attempt: 2, busy: false });

    useVaultStore.getState().submitReprompt(PASSWORD);
    await expect(revealed).resolves.toBe('s3cret');
    expect(useVaultStore.getState().reprompt).toBeNull();
    expect(JSON.stringify(useVaultStore.getState())).not.toContain(PASSWORD);
    expect(JSON.stringify(useVaultStore.getState())).not.toContain('s3cret');
    expect(calls('vault:reveal').map((c) => (c.input as { password?: string }).password)).toEqual([undefined, 'nope', PASSWORD]);
  });

  it('rejects with a cancellation when the re-prompt is dismissed', async () => {
    useVaultStore.setState({ transport: 'electron' });
    fake.handle('vault', 'copy', () => {
      throw new AppError('REPROMPT_REQUIRED', 'This item asks for your master password first.');
    });
    const copied = useVaultStore.getState().copy(id(1), 'password', 'Password copied');
    await tick();
    useVaultStore.getState().cancelReprompt();
    const err = await copied.catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
    expect(useVaultStore.getState().reprompt).toBeNull();
  });

  it('copies in main and tells when the clipboard clears, without the value (Electron)', async () => {
    useVaultStore.setState({ transport: 'electron' });
    fake.handle('vault', 'copy', () => ({ clearAfterSeconds: 20 }));
    await useVaultStore.getState().copy(id(1), 'password', 'Password copied');
    expect(calls('vault:copy')[0]?.input).toEqual({ id: id(1), field: 'password', password: undefined });
    expect(useVaultStore.getState().toast?.message).toBe('Password copied — clears in 20 s');
  });

  it('browser mode: never says "copied" when the page could not write the clipboard, and never copies in main', async () => {
    // `hearth serve` reports the core's transport ('cli'); this Node test has no navigator.clipboard.
    useVaultStore.setState({ transport: 'cli' });
    fake.handle('vault', 'reveal', () => ({ value: 'hunter2' }));
    fake.handle('vault', 'copy', () => ({ clearAfterSeconds: 20 }));
    await useVaultStore.getState().copy(id(1), 'password', 'Password copied');
    expect(calls('vault:copy')).toHaveLength(0);
    expect(calls('vault:reveal')[0]?.input).toEqual({ id: id(1), field: 'password', password: undefined });
    expect(useVaultStore.getState().toast).toMatchObject({
      tone: 'danger',
      message: 'This browser did not allow Hearth to copy. Reveal the value and copy it yourself.',
    });
  });

  it('sends edits of a re-prompt item and the TOTP setup key request through the master-password dialog', async () => {
    const guarded =
      <T>(out: () => T) =>
      ({ password }: { password?: string }): T => {
        if (password === undefined) throw new AppError('REPROMPT_REQUIRED', 'Needs your master password.');
        return out();
      };
    fake.handle(
      'vault',
      'update',
      guarded(() => detail(1, { reprompt: false })),
    );
    fake.handle(
      'vault',
      'revealTotpSeed',
      guarded(() => ({ uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', secret: 'JBSWY3DPEHPK3PXP' })),
    );
    await useVaultStore.getState().select(id(1));
    const saved = useVaultStore.getState().save({ id: id(1), update: { type: 'login', title: 'Item 1', reprompt: false, fields: [] } });
    await tick();
    expect(useVaultStore.getState().reprompt).toMatchObject({ attempt: 1 });
    useVaultStore.getState().submitReprompt(PASSWORD);
    await saved;
    const seed = useVaultStore.getState().revealTotpSeed(id(1));
    await tick();
    useVaultStore.getState().submitReprompt(PASSWORD);
    expect((await seed).secret).toBe('JBSWY3DPEHPK3PXP');
    expect([...calls('vault:update'), ...calls('vault:revealTotpSeed')].map((c) => (c.input as { password?: string }).password)).toEqual([
      undefined,
      PASSWORD,
      undefined,
      PASSWORD,
    ]);
    expect(JSON.stringify(useVaultStore.getState())).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('toggles the favourite with an update that keeps every secret', async () => {
    fake.handle('vault', 'update', ({ id: itemId, item }) => detail(Number(itemId.slice(-2)), { favorite: item.favorite }));
    await useVaultStore.getState().select(id(1));
    await useVaultStore.getState().toggleFavorite();
    const input = calls('vault:update')[0]?.input as { item: { favorite: boolean; login: { password?: string; totp?: string } } };
    expect(input.item.favorite).toBe(true);
    expect(input.item.login.password).toBeUndefined();
    expect(input.item.login.totp).toBeUndefined();
    expect(useVaultStore.getState().detail?.favorite).toBe(true);
  });

  it('selects the next item after moving the open one to the trash', async () => {
    fake.handle('vault', 'trash', ({ id: itemId }) => summary(Number(itemId.slice(-2)), { deletedAt: '2026-11-21T11:00:00.000Z' }));
    useVaultStore.getState().start();
    await tick();
    await useVaultStore.getState().select(id(2));
    await useVaultStore.getState().trash(id(2));
    expect(useVaultStore.getState().selectedId).toBe(id(3));
    expect(useVaultStore.getState().toast?.message).toBe('Moved to the trash');
  });

  it('moves the selection with the arrow keys within the list', async () => {
    useVaultStore.getState().start();
    await tick();
    const { moveSelection } = useVaultStore.getState();
    moveSelection(1);
    expect(useVaultStore.getState().selectedId).toBe(id(1));
    moveSelection(1);
    moveSelection(1);
    moveSelection(1);
    expect(useVaultStore.getState().selectedId).toBe(id(3));
    moveSelection(-1);
    expect(useVaultStore.getState().selectedId).toBe(id(2));
  });

  it('forgets everything when the profile locks, and cancels a pending re-prompt', async () => {
    fake.handle('vault', 'reveal', () => {
      throw new AppError('REPROMPT_REQUIRED', 'This item asks for your master password first.');
    });
    useVaultStore.getState().start();
    await tick();
    await useVaultStore.getState().select(id(1));
    const pending = useVaultStore
      .getState()
      .reveal(id(1), 'password')
      .catch((e: unknown) => e);
    await tick();
    resetSessionState();
    expect(isCancelled(await pending)).toBe(true);
    expect(useVaultStore.getState()).toMatchObject({ items: [], detail: null, selectedId: null, reprompt: null, counts: null });
  });
});
