import * as Tabs from '@radix-ui/react-tabs';
import { FileUp, PackagePlus, Plus, ScanLine, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { cx } from '../../ui/cx';
import { BatchDetailView } from './components/BatchDetailView';
import { BatchForm } from './components/BatchForm';
import { BatchListView } from './components/BatchListView';
import { BatchSettingsView } from './components/BatchSettingsView';
import { DashboardView } from './components/DashboardView';
import { ImportDialog } from './components/ImportDialog';
import { ProductForm } from './components/ProductForm';
import { ProductsView } from './components/ProductsView';
import { ScanDialog } from './components/ScanDialog';
import { WasteView } from './components/WasteView';
import { useBatchesStore, type BatchesTab } from './batches.store';

const TABS: { id: BatchesTab; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'batches', label: 'Batches' },
  { id: 'products', label: 'Products' },
  { id: 'waste', label: 'Waste' },
  { id: 'settings', label: 'Labels & QR' },
];

type Dialog = 'batch' | 'product' | 'scan' | 'import' | null;

const localToday = (): string => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** A short confirmation at the bottom of the page that fades after a few seconds. */
function Notice() {
  const notice = useBatchesStore((s) => s.notice);
  const say = useBatchesStore((s) => s.say);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => say(null), 6000);
    return () => clearTimeout(timer);
  }, [notice, say]);
  if (!notice) return null;
  return (
    <div
      role="status"
      className="animate-slide-up fixed bottom-5 left-1/2 z-30 flex max-w-[560px] -translate-x-1/2 items-center gap-3 rounded-lg bg-text px-4 py-2.5 text-[13px] text-canvas shadow-pop"
    >
      {notice}
      <button type="button" aria-label="Dismiss" onClick={() => say(null)} className="opacity-70 hover:opacity-100">
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}

/**
 * The freshness register: today's dashboard, every batch, products, the waste log and the label/QR
 * settings, with scan-to-find, CSV import and the batch detail (print, sell, discard, history).
 */
export function BatchesPage() {
  const start = useBatchesStore((s) => s.start);
  const tab = useBatchesStore((s) => s.tab);
  const setTab = useBatchesStore((s) => s.setTab);
  const openId = useBatchesStore((s) => s.openId);
  const open = useBatchesStore((s) => s.open);
  const error = useBatchesStore((s) => s.error);
  const say = useBatchesStore((s) => s.say);
  const today = useBatchesStore((s) => s.dashboard?.today ?? s.list?.today ?? null);
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => start(), [start]);

  const [formToday, setFormToday] = useState('');
  // The shop's today comes from main (dashboard or list); before either has loaded, this computer's date.
  const newBatch = () => {
    setFormToday(today ?? localToday());
    setDialog('batch');
  };

  return (
    <Tabs.Root value={tab} onValueChange={(v) => setTab(v as BatchesTab)} className="@container flex h-full min-h-0 flex-col" data-testid="batches-page">
      {/* Narrow windows: the secondary actions shrink to icons (named in tooltips), New batch keeps its label. */}
      <div className="flex h-12 shrink-0 items-center gap-4 border-b border-line px-6 @max-4xl:gap-2 @max-4xl:px-3">
        <Tabs.List aria-label="Batches views" className="flex h-full min-w-0 gap-1 @max-4xl:gap-0">
          {TABS.map((t) => (
            <Tabs.Trigger
              key={t.id}
              value={t.id}
              onClick={() => openId && tab === t.id && open(null)}
              className={cx(
                'relative h-full px-2.5 text-[13px] font-medium whitespace-nowrap text-muted hover:text-text focus-visible:-outline-offset-2 @max-4xl:px-2',
                'data-[state=active]:text-text data-[state=active]:after:absolute data-[state=active]:after:inset-x-2 data-[state=active]:after:bottom-0 data-[state=active]:after:h-0.5 data-[state=active]:after:rounded-full data-[state=active]:after:bg-accent',
              )}
            >
              {t.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <div className="ml-auto flex items-center gap-2 @max-4xl:gap-1">
          <Button size="sm" variant="ghost" icon={ScanLine} onClick={() => setDialog('scan')} title="Scan label">
            <span className="@max-4xl:sr-only">Scan label</span>
          </Button>
          <Button size="sm" variant="ghost" icon={FileUp} onClick={() => setDialog('import')} title="Import CSV">
            <span className="@max-4xl:sr-only">Import CSV</span>
          </Button>
          <Button size="sm" icon={PackagePlus} onClick={() => setDialog('product')} title="New product">
            <span className="@max-4xl:sr-only">New product</span>
          </Button>
          <Button size="sm" variant="primary" icon={Plus} onClick={newBatch}>
            New batch
          </Button>
        </div>
      </div>
      {error ? (
        <div className="px-6 pt-4">
          <Callout tone="danger">{error}</Callout>
        </div>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto bg-canvas">
        {openId ? (
          <BatchDetailView />
        ) : (
          <>
            <Tabs.Content value="today" className="outline-none">
              <DashboardView onNewBatch={newBatch} />
            </Tabs.Content>
            <Tabs.Content value="batches" className="h-full outline-none">
              <BatchListView />
            </Tabs.Content>
            <Tabs.Content value="products" className="outline-none">
              <ProductsView onNew={() => setDialog('product')} />
            </Tabs.Content>
            <Tabs.Content value="waste" className="outline-none">
              <WasteView />
            </Tabs.Content>
            <Tabs.Content value="settings" className="outline-none">
              <BatchSettingsView />
            </Tabs.Content>
          </>
        )}
      </div>
      {dialog === 'batch' ? (
        <BatchForm
          batch={null}
          today={formToday}
          onClose={() => setDialog(null)}
          onCreated={(id, warnings) => {
            open(id);
            if (warnings.length > 0) say(`Sell this lot first: it expires before ${warnings.map((w) => `lot ${w.lot}`).join(', ')} already on the shelf.`);
          }}
        />
      ) : null}
      {dialog === 'product' ? <ProductForm product={null} onClose={() => setDialog(null)} /> : null}
      {dialog === 'scan' ? <ScanDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'import' ? <ImportDialog onClose={() => setDialog(null)} /> : null}
      <Notice />
    </Tabs.Root>
  );
}
