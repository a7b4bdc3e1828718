import { ArrowLeft, Ban, FileDown, Pencil, Printer, ReceiptText, Scale, Tag, Trash2, Undo2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { BatchDetail, MovementKind } from '../../../../src-shared/domains/batches/batches.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { AttachmentsSlot } from '../../files';
import { describeRule } from '../../../../src-shared/domains/batches/freshness-rule';
import { mainAction, shopTodayOf } from '../batch-actions';
import { downloadNotice } from '../../../lib/files';
import { downloadText } from '../batches-files';
import { dateWord, daysLeftText, formatDay, formatQty, formatStamp, REASON_LABEL, shelfText } from '../batches-format';
import { useBatchesStore } from '../batches.store';
import { BatchForm } from './BatchForm';
import { MovementDialog } from './MovementDialog';
import { PrintDialog } from './PrintDialog';
import { QrCode } from './QrCode';
import { StatusBadge } from './StatusBadge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm text-text [overflow-wrap:anywhere]">{children || '—'}</dd>
    </div>
  );
}

type HistoryItem = { at: string; key: string; icon: ReactNode; text: string; undoId?: string };

function history(detail: BatchDetail, templateName: (id: string) => string): HistoryItem[] {
  const unit = detail.batch.unit;
  const moves = detail.movements.map((m): HistoryItem => ({
    at: m.at,
    key: m.id,
    icon:
      m.kind === 'sold' ? (
        <ReceiptText className="size-4 text-muted" aria-hidden />
      ) : m.kind === 'discarded' ? (
        <Ban className="size-4 text-danger" aria-hidden />
      ) : (
        <Scale className="size-4 text-muted" aria-hidden />
      ),
    text:
      m.kind === 'sold'
        ? `Sold ${formatQty(m.quantity)} ${unit}`
        : m.kind === 'discarded'
          ? `Discarded ${formatQty(m.quantity)} ${unit} (${REASON_LABEL[m.reason ?? 'other'].toLowerCase()})`
          : `Count corrected by ${m.quantity > 0 ? '+' : ''}${formatQty(m.quantity)} ${unit}`,
    undoId: m.id,
  }));
  const prints = detail.prints.map((p): HistoryItem => ({
    at: p.printedAt,
    key: p.id,
    icon: <Printer className="size-4 text-muted" aria-hidden />,
    text: `Printed ${p.copies} label${p.copies === 1 ? '' : 's'} on ${templateName(p.template)}${p.startAt > 1 ? `, from position ${p.startAt}` : ''}`,
  }));
  return [...moves, ...prints].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** One batch: status, facts, the label's QR, actions and its history (stock movements and label prints). */
export function BatchDetailView() {
  const detail = useBatchesStore((s) => s.detail);
  const open = useBatchesStore((s) => s.open);
  const templates = useBatchesStore((s) => s.templates);
  const undoMovement = useBatchesStore((s) => s.undoMovement);
  const deleteBatch = useBatchesStore((s) => s.deleteBatch);
  const customerPage = useBatchesStore((s) => s.customerPage);
  const say = useBatchesStore((s) => s.say);
  const [dialog, setDialog] = useState<MovementKind | 'print' | 'edit' | 'delete' | null>(null);

  if (!detail) {
    return (
      <div className="flex h-full items-center justify-center gap-2 text-[13px] text-muted">
        <Spinner /> Loading batch…
      </div>
    );
  }
  const { batch, product } = detail;
  const templateName = (id: string) => templates.find((t) => t.id === id)?.name.replace(/ \(.*\)$/, '') ?? id;
  const items = history(detail, templateName);
  const action = mainAction(batch);

  async function exportPage() {
    const page = await customerPage(batch.id);
    downloadText(page.fileName, page.html, 'text/html');
    say(downloadNotice('Customer page', page.fileName));
  }

  return (
    <div className="mx-auto flex max-w-[960px] flex-col gap-6 px-8 py-6 @max-3xl:px-4" data-testid="batch-detail">
      <div>
        <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={() => open(null)} className="-ml-2.5">
          Back
        </Button>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 className="text-xl font-semibold break-words text-text">{product.name}</h2>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-[13px] text-muted">
              <span className="font-mono text-text">Lot {batch.lot}</span>
              <span aria-hidden>·</span>
              {batch.isActive ? (
                <>
                  <StatusBadge status={batch.status} size="md" />
                  <span>
                    {shelfText(batch.daysOnShelf)} · {daysLeftText(batch.daysLeft)}
                  </span>
                </>
              ) : (
                <span className="rounded-full bg-subtle px-2.5 py-1 text-xs font-medium text-muted">Off the shelf: sold out or discarded</span>
              )}
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            {/* A lot past its date is taken off the shelf, not labelled: Discard leads, Sold is not offered. */}
            {action === 'discard' ? (
              <Button icon={Ban} variant="primary" onClick={() => setDialog('discarded')}>
                Discard…
              </Button>
            ) : null}
            <Button icon={Printer} variant={action === 'print' ? 'primary' : 'secondary'} onClick={() => setDialog('print')}>
              Print labels…
            </Button>
            {action !== 'discard' ? (
              <>
                <Button icon={ReceiptText} onClick={() => setDialog('sold')} disabled={batch.remaining === 0}>
                  Sold…
                </Button>
                <Button icon={Ban} onClick={() => setDialog('discarded')} disabled={batch.remaining === 0}>
                  Discard…
                </Button>
              </>
            ) : null}
          </div>
        </div>
      </div>

      {action === 'discard' ? (
        <Callout tone="danger">This lot is past its {dateWord(batch).toLowerCase()} date: take it off the shelf and record it as discarded.</Callout>
      ) : null}

      {detail.warnings.length > 0 && action === 'print' ? (
        <Callout tone="warning">
          Sell this lot first: it expires before {detail.warnings.map((w) => `lot ${w.lot} (${formatDay(w.expiryDate)})`).join(', ')}, already on the shelf.
        </Callout>
      ) : null}

      {/* Narrow pages stack the QR card under the facts instead of squeezing them sideways. */}
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-6 @max-3xl:grid-cols-1">
        <div className="flex min-w-0 flex-col gap-6">
          <dl className="grid grid-cols-3 gap-x-6 gap-y-4 rounded-xl border border-line bg-surface p-5 break-words @max-xl:grid-cols-2">
            <Fact label={batch.explicitExpiryDate || !batch.expiryDate ? dateWord(batch) : `${dateWord(batch)} (shelf life)`}>
              {formatDay(batch.expiryDate)}
            </Fact>
            <Fact label="Produced">{formatDay(batch.productionDate)}</Fact>
            <Fact label="Arrived">{formatDay(batch.arrivalDate)}</Fact>
            <Fact label="On the shelf">
              {formatQty(batch.remaining)} of {formatQty(batch.quantity)} {batch.unit}
            </Fact>
            <Fact label="Supplier">{batch.supplier}</Fact>
            <Fact label="Location">{batch.location}</Fact>
            <Fact label="Freshness rule">{describeRule(product.thresholds)}</Fact>
            {product.gtin ? <Fact label={product.isLocal ? 'GTIN (in-store)' : 'GTIN'}>{product.gtin}</Fact> : null}
            {product.price ? <Fact label="Price">{product.price}</Fact> : null}
            {product.allergens ? <Fact label="Allergens">{product.allergens}</Fact> : null}
            {batch.notes ? (
              <div className="col-span-full">
                <dt className="text-xs text-muted">Notes</dt>
                <dd className="mt-0.5 text-sm whitespace-pre-wrap text-text">{batch.notes}</dd>
              </div>
            ) : null}
          </dl>

          <section aria-label="History" className="rounded-xl border border-line bg-surface">
            <h3 className="border-b border-line px-5 py-3 text-[13px] font-semibold text-text">History</h3>
            {items.length === 0 ? (
              <p className="px-5 py-4 text-[13px] text-muted">Nothing sold, discarded or printed yet.</p>
            ) : (
              <ul className="divide-y divide-line">
                {items.map((item) => (
                  <li key={item.key} className="flex items-center gap-3 px-5 py-2.5 text-[13px]">
                    {item.icon}
                    <span className="min-w-0 flex-1 break-words text-text">{item.text}</span>
                    <span className="text-xs text-muted">{formatStamp(item.at)}</span>
                    {item.undoId ? (
                      <Button size="sm" variant="ghost" icon={Undo2} aria-label={`Undo: ${item.text}`} onClick={() => void undoMovement(item.undoId as string)}>
                        Undo
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <AttachmentsSlot domain="batches" id={batch.id} label={`${product.name}, lot ${batch.lot}`} />
        </div>

        <aside className="flex w-[232px] flex-col items-center gap-3 self-start rounded-xl border border-line bg-surface p-4 @max-3xl:w-full">
          {detail.qrPayload ? <QrCode payload={detail.qrPayload} size={168} label={`QR code for lot ${batch.lot}`} /> : null}
          {detail.qrError ? <Callout tone="danger">{detail.qrError}</Callout> : null}
          <p className="w-full font-mono text-[11px] break-all whitespace-pre-wrap text-muted" data-testid="qr-payload">
            {detail.qrPayload}
          </p>
          <div className="flex w-full flex-col gap-1.5">
            <Button size="sm" icon={FileDown} onClick={() => void exportPage()}>
              Customer page
            </Button>
            <Button size="sm" icon={Scale} onClick={() => setDialog('adjusted')}>
              Correct the count…
            </Button>
            <Button size="sm" icon={Pencil} onClick={() => setDialog('edit')}>
              Edit batch…
            </Button>
            <Button size="sm" variant="danger-outline" icon={Trash2} onClick={() => setDialog('delete')}>
              Delete…
            </Button>
          </div>
          <p className="flex items-center gap-1 text-[11px] text-faint">
            <Tag className="size-3" aria-hidden /> {product.category || 'No category'}
          </p>
        </aside>
      </div>

      {dialog === 'sold' || dialog === 'discarded' || dialog === 'adjusted' ? (
        <MovementDialog batch={batch} initialKind={dialog} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'print' ? <PrintDialog detail={detail} onClose={() => setDialog(null)} /> : null}
      {dialog === 'edit' ? <BatchForm batch={batch} today={shopTodayOf(batch)} onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? (
        <Modal
          open
          onOpenChange={(o) => !o && setDialog(null)}
          title={`Delete lot ${batch.lot}?`}
          description="Only for a batch entered by mistake: sold or discarded stock belongs in the history instead."
        >
          <ModalActions>
            <Button onClick={() => setDialog(null)}>Cancel</Button>
            <Button variant="danger" icon={Trash2} onClick={() => void deleteBatch(batch.id).then(() => setDialog(null))}>
              Delete batch
            </Button>
          </ModalActions>
        </Modal>
      ) : null}
    </div>
  );
}
