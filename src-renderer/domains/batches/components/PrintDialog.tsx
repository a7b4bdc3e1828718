import { Download } from 'lucide-react';
import { useState } from 'react';
import type { BatchDetail, LabelTemplateId, LabelTemplateInfo } from '../../../../src-shared/domains/batches/batches.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { TextField } from '../../../ui/TextField';
import { downloadUrl } from '../batches-files';
import { dateWord } from '../batches-format';
import { useBatchesStore } from '../batches.store';
import { issuesOf, SelectField } from './fields';
import { QrCode } from './QrCode';
import { JobsTray } from '../../../app/JobsTray';

const cellsOf = (t: LabelTemplateInfo): number => t.columns * t.rows;

/** The sheet with the cells this job will use (first page), so a partly used sheet can be finished. */
function SheetPreview({ template, startAt, count }: { template: LabelTemplateInfo; startAt: number; count: number }) {
  const scale = 150 / Math.max(template.pageWidthMm, template.pageHeightMm);
  const cells = Array.from({ length: cellsOf(template) }, (_, i) => i);
  return (
    <svg
      role="img"
      aria-label={`Sheet preview: labels ${startAt} to ${Math.min(cellsOf(template), startAt + count - 1)} of ${cellsOf(template)}`}
      width={template.pageWidthMm * scale}
      height={template.pageHeightMm * scale}
      viewBox={`0 0 ${template.pageWidthMm} ${template.pageHeightMm}`}
      className="shrink-0 rounded-sm border border-line-strong bg-white"
    >
      {cells.map((i) => {
        const col = i % template.columns;
        const row = Math.floor(i / template.columns);
        const used = i + 1 >= startAt && i + 1 < startAt + count;
        return (
          <rect
            key={i}
            x={template.marginLeftMm + col * template.pitchXMm}
            y={template.marginTopMm + row * template.pitchYMm}
            width={template.labelWidthMm}
            height={template.labelHeightMm}
            rx={1.5}
            className={used ? 'fill-accent/70 stroke-accent' : i + 1 < startAt ? 'fill-line stroke-line-strong' : 'fill-white stroke-line-strong'}
            strokeWidth={0.5}
          />
        );
      })}
    </svg>
  );
}

/** Roughly what one label says, at the label's proportions (the PDF is drawn in main). */
function LabelPreview({ detail, template }: { detail: BatchDetail; template: LabelTemplateInfo }) {
  const settings = useBatchesStore((s) => s.settings);
  const { batch, product } = detail;
  const stack = template.kind === 'roll';
  const lines = [`Lot ${batch.lot}`, `Prod. ${batch.productionDate}`, `Arrived ${batch.arrivalDate}`];
  return (
    <div
      data-testid="label-preview"
      className={`flex ${stack ? 'w-40 flex-col items-center' : 'w-64 items-center'} gap-2 rounded-md border border-line-strong bg-white p-2 text-black shadow-xs`}
    >
      {detail.qrPayload ? <QrCode payload={detail.qrPayload} size={stack ? 110 : 84} label="Label QR code" /> : null}
      <div className="min-w-0 text-[10px] leading-tight">
        <div className="truncate text-[12px] font-bold">{product.name}</div>
        {lines.map((l) => (
          <div key={l} className="truncate">
            {l}
          </div>
        ))}
        {batch.expiryDate ? (
          <div className="truncate font-bold">
            {dateWord(batch)} {batch.expiryDate}
          </div>
        ) : null}
        {settings?.labelShowsPrice && product.price ? <div className="font-bold">{product.price}</div> : null}
        {settings?.labelShowsAllergens && product.allergens ? <div className="truncate">Allergens: {product.allergens}</div> : null}
        {settings?.labelShowsShopName && settings.shopName ? <div className="truncate text-[9px]">{settings.shopName}</div> : null}
      </div>
    </div>
  );
}

/** Template, copies and start position with a preview, then the PDF (downloaded in browser mode). */
export function PrintDialog({ detail, onClose }: { detail: BatchDetail; onClose(): void }) {
  const templates = useBatchesStore((s) => s.templates);
  const settings = useBatchesStore((s) => s.settings);
  const printLabels = useBatchesStore((s) => s.printLabels);
  const say = useBatchesStore((s) => s.say);
  const [templateId, setTemplateId] = useState<LabelTemplateId>(settings?.defaultTemplate ?? 'avery-l7160');
  const [copies, setCopies] = useState('1');
  const [startAt, setStartAt] = useState('1');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const template = templates.find((t) => t.id === templateId);
  const copiesN = Math.max(1, Math.floor(Number(copies)) || 1);
  const startN = Math.max(1, Math.floor(Number(startAt)) || 1);
  const offset = settings?.calibration[templateId];

  async function print() {
    setBusy(true);
    setError(null);
    try {
      const job = await printLabels({ batchIds: [detail.batch.id], template: templateId, copies: copiesN, startAt: template?.kind === 'sheet' ? startN : 1 });
      downloadUrl(job.fileName, job.url);
      say(`${job.labels} label${job.labels === 1 ? '' : 's'} for lot ${detail.batch.lot} saved as ${job.fileName}.`);
      onClose();
    } catch (err) {
      setError(issuesOf(err, []).form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title="Print labels" description={`${detail.product.name}, lot ${detail.batch.lot}`} size="md">
      <div className="flex flex-col gap-4">
        {detail.qrError ? <Callout tone="danger">{detail.qrError}</Callout> : null}
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <SelectField label="Label stock" value={templateId} onChange={(e) => setTemplateId(e.target.value as LabelTemplateId)} autoFocus>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Copies" type="number" min={1} max={1000} value={copies} onChange={(e) => setCopies(e.target.value)} />
          {template?.kind === 'sheet' ? (
            <TextField
              label={`Start at label (1–${cellsOf(template)})`}
              type="number"
              min={1}
              max={cellsOf(template)}
              value={startAt}
              onChange={(e) => setStartAt(e.target.value)}
              hint="To finish a partly used sheet."
            />
          ) : (
            <div />
          )}
        </div>
        {template ? (
          <div className="flex items-center justify-center gap-6 rounded-lg border border-line bg-subtle px-4 py-4">
            {template.kind === 'sheet' ? <SheetPreview template={template} startAt={startN} count={copiesN} /> : null}
            <LabelPreview detail={detail} template={template} />
          </div>
        ) : null}
        <p className="text-xs text-muted">
          {offset ? `Printer calibration for this stock: ${offset.x} mm across, ${offset.y} mm down. ` : ''}
          Print the PDF at 100% (actual size), not “fit to page”.
        </p>
        {/* The shell's jobs tray is inert behind the modal: show this print's progress and Cancel here. */}
        {busy ? <JobsTray placement="dialog" /> : null}
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" icon={Download} busy={busy} disabled={!detail.qrPayload} onClick={() => void print()}>
            Download PDF
          </Button>
        </ModalActions>
      </div>
    </Modal>
  );
}
