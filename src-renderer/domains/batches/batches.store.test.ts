import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchSummary, Dashboard } from '../../../src-shared/domains/batches/batches.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import { fake } from '../../api/fake-client';
import { DEFAULT_FILTERS, useBatchesStore } from './batches.store';

vi.mock('../../api/client', async () => (await import('../../api/fake-client')).fakeClientModule);

const ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const batch: BatchSummary = {
  id: ID,
  productId: '01JABCDEFGHJKMNPQRSTVWXYZ1',
  productName: 'Rye bread',
  category: '',
  lot: 'L1',
  productionDate: '2026-11-19',
  arrivalDate: '2026-11-20',
  explicitExpiryDate: null,
  expiryDate: '2026-11-26',
  dateType: 'use-by',
  quantity: 10,
  remaining: 10,
  unit: 'pcs',
  supplier: '',
  location: '',
  notes: '',
  status: 'fresh',
  daysOnShelf: 0,
  daysLeft: 6,
  isActive: true,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};
const dashboard: Dashboard = {
  today: '2026-11-20',
  timeZone: 'Europe/London',
  counts: { fresh: 1, caution: 0, expired: 0, active: 1 },
  expiringToday: [],
  expiringTodayCount: 0,
  expiringTomorrow: [],
  expiringTomorrowCount: 0,
  sellFirst: [batch],
  mustGo: [],
};

beforeEach(() => {
  fake.reset();
  useBatchesStore.setState({ tab: 'today', openId: null, dashboard: null, list: null, filters: DEFAULT_FILTERS, detail: null, error: null, notice: null });
  fake.handle('batches', 'listProducts', () => []);
  fake.handle('batches', 'getSettings', () => ({
    qr: { mode: 'text' as const },
    shopName: '',
    timeZone: '',
    defaultTemplate: 'avery-l7160' as const,
    calibration: {},
    labelShowsPrice: true,
    labelShowsAllergens: true,
    labelShowsShopName: true,
    csvDecimal: '.' as const,
    resolvedTimeZone: 'Europe/London',
  }));
  fake.handle('batches', 'labelTemplates', () => []);
  fake.handle('batches', 'dashboard', () => dashboard);
  fake.handle('batches', 'list', () => ({ items: [batch], total: 1, today: '2026-11-20', suppliers: [], locations: [] }));
});

describe('batches.store', () => {
  it('loads the dashboard on start and reloads when main says batches changed', async () => {
    const stop = useBatchesStore.getState().start();
    await vi.waitFor(() => expect(useBatchesStore.getState().dashboard).toEqual(dashboard));
    const before = fake.calls.filter((c) => c.channel === 'batches:dashboard').length;
    fake.emit('batches', 'changed', { ids: [ID] });
    await vi.waitFor(() => expect(fake.calls.filter((c) => c.channel === 'batches:dashboard').length).toBe(before + 1));
    stop();
    expect(fake.listenerCount('batches', 'changed')).toBe(0);
  });

  it('sends the list filters to main, leaving empty ones out', async () => {
    useBatchesStore.getState().setTab('batches');
    useBatchesStore.getState().setFilters({ status: ['expired'], supplier: 'Mill' });
    await vi.waitFor(() => expect(useBatchesStore.getState().list?.items).toEqual([batch]));
    expect(fake.calls.filter((c) => c.channel === 'batches:list').at(-1)?.input).toEqual({
      status: ['expired'],
      productId: undefined,
      supplier: 'Mill',
      location: undefined,
      query: '',
      includeInactive: false,
      sort: 'fefo',
      descending: false,
    });
  });

  it('opens the batch a scan found, under the Batches tab', async () => {
    fake.handle('batches', 'findByScan', () => ({ text: 'L1', matchedBy: 'lot' as const, batch, candidates: [batch] }));
    fake.handle('batches', 'get', () => ({ batch, product: {} as never, qrPayload: 'x', qrError: null, movements: [], prints: [], warnings: [] }));
    useBatchesStore.setState({ tab: 'waste' });
    await useBatchesStore.getState().scan({ text: 'L1' });
    expect(useBatchesStore.getState()).toMatchObject({ tab: 'batches', openId: ID });
  });

  it('lets a refused movement reach the dialog as an AppError', async () => {
    fake.handle('batches', 'recordMovement', () => {
      throw new AppError('INVALID_INPUT', 'Only 2 pcs of lot L1 is left.', { issues: [{ path: 'quantity', message: 'Only 2 pcs of lot L1 is left.' }] });
    });
    await expect(useBatchesStore.getState().recordMovement({ batchId: ID, kind: 'sold', quantity: 5 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
