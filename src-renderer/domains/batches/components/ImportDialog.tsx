import { FileUp } from 'lucide-react';
import { useRef, useState } from 'react';
import type { CsvDecimal, ImportReport } from '../../../../src-shared/domains/batches/batches.schemas';
import { formatMiB } from '../../../../src-shared/lib/limits';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { describeError } from '../../../lib/errors';
import { MAX_CSV_BYTES } from '../batches-files';
import { useBatchesStore } from '../batches.store';
import { SelectField } from './fields';

/** CSV import: pick a file and its decimal separator, read the dry run (per-row errors and warnings), then import everything in one go. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const importCsv = useBatchesStore((s) => s.importCsv);
  const refresh = useBatchesStore((s) => s.refresh);
  const say = useBatchesStore((s) => s.say);
  const saveSettings = useBatchesStore((s) => s.saveSettings);
  const fileRef = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [decimal, setDecimal] = useState<CsvDecimal>(() => useBatchesStore.getState().settings?.csvDecimal ?? '.');

  async function pick(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) return setError(`The file is larger than ${formatMiB(MAX_CSV_BYTES)}.`);
    const text = await file.text();
    setCsv({ name: file.name, text });
    await check(text, decimal);
  }

  async function check(text: string, sep: CsvDecimal) {
    setBusy(true);
    setError(null);
    try {
      setReport(await importCsv(text, true, sep));
    } catch (err) {
      setReport(null);
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  async function commit() {
    if (!csv) return;
    setBusy(true);
    try {
      const done = await importCsv(csv.text, false, decimal);
      await refresh();
      say(`Imported ${done.batches} batches${done.productsCreated ? ` and ${done.productsCreated} new products` : ''} from ${csv.name}.`);
      onClose();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const flagged = report?.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0) ?? [];
  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title="Import batches from CSV"
      description="Columns: product, gtin, lot, production_date, arrival_date, quantity, unit, date_type, shelf_life_days, and for a new product its rule (rule = date or shelf-age, sell_soon_days, caution_from_day, expired_from_day)."
      size="md"
    >
      <div className="flex flex-col gap-4">
        <input ref={fileRef} type="file" accept=".csv,text/csv" className="sr-only" aria-label="CSV file" onChange={(e) => void pick(e.target.files?.[0])} />
        <Button icon={FileUp} busy={busy && !report} onClick={() => fileRef.current?.click()} autoFocus>
          {csv ? `Choose another file (${csv.name})` : 'Choose a CSV file…'}
        </Button>
        <SelectField
          label="Decimal separator"
          value={decimal}
          hint="How the file writes 2½: 2.5 or 2,5 (remembered for the next import). The other mark may only group thousands; a value such as 1,000 is refused as ambiguous."
          onChange={(e) => {
            const sep = e.target.value as CsvDecimal;
            setDecimal(sep);
            void saveSettings({ csvDecimal: sep }).catch(() => undefined);
            if (csv) void check(csv.text, sep);
          }}
        >
          <option value=".">Point (2.5)</option>
          <option value=",">Comma (2,5)</option>
        </SelectField>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        {report ? (
          <>
            <Callout tone={report.errors > 0 ? 'warning' : 'info'}>
              {report.batches} batch{report.batches === 1 ? '' : 'es'}, {report.productsCreated} new product{report.productsCreated === 1 ? '' : 's'}.{' '}
              {report.errors > 0
                ? `${report.errors} row${report.errors === 1 ? ' needs' : 's need'} fixing; nothing is imported until every row is right.`
                : 'Everything checks out.'}
              {report.warnings > 0 ? ` ${report.warnings} row${report.warnings === 1 ? ' takes' : 's take'} a default: check the notes below.` : ''}
              {report.ignoredHeaders.length > 0 ? ` Ignored columns: ${report.ignoredHeaders.join(', ')}.` : ''}
            </Callout>
            {flagged.length > 0 ? (
              <ul className="max-h-60 divide-y divide-line overflow-y-auto rounded-lg border border-line text-[13px]" data-testid="import-rows">
                {flagged.slice(0, 200).map((r) => (
                  <li key={r.row} className="px-3 py-2">
                    <span className="font-medium text-text">Row {r.row}</span>{' '}
                    <span className="text-muted">
                      {r.product} {r.lot}
                    </span>
                    <ul className="mt-0.5 list-disc pl-5 text-danger">
                      {r.errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                    {r.warnings.length > 0 ? (
                      <ul className="mt-0.5 list-disc pl-5 text-muted">
                        {r.warnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" busy={busy && report !== null} disabled={!report || report.errors > 0} onClick={() => void commit()}>
            Import {report ? report.batches : ''} batches
          </Button>
        </ModalActions>
      </div>
    </Modal>
  );
}
