import { ChevronRight, Copy, Folder } from 'lucide-react';
import { useState } from 'react';
import type { ImportPreview } from '../../../../src-shared/domains/vault/vault.schemas';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Toggle } from '../../../ui/Toggle';
import { ImportAttachments } from './ImportAttachments';
import { ITEM_TYPES, ItemIcon, TYPE_ORDER } from './ItemIcon';

function Stat({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="flex flex-col rounded-lg border border-line bg-surface px-3 py-2">
      <span className={cx('text-lg font-semibold tabular-nums', tone ?? 'text-text')}>{value}</span>
      <span className="text-[11px] text-muted">{label}</span>
    </div>
  );
}

/** The dry-run result: what would be imported, what is a duplicate, what was skipped and why. */
export function ImportPreviewView({
  preview: p,
  skipDuplicates,
  onSkipDuplicates,
  formatLabel,
}: {
  preview: ImportPreview;
  skipDuplicates: boolean;
  onSkipDuplicates(v: boolean): void;
  formatLabel: string;
}) {
  const [showSkipped, setShowSkipped] = useState(false);
  return (
    <div className="flex flex-col gap-4" data-testid="import-preview-result">
      <p className="text-[13px] text-muted">
        <span className="font-medium text-text">{p.fileName}</span> · {formatLabel}
      </p>
      <div className="grid grid-cols-4 gap-2">
        <Stat label="Items found" value={p.total} />
        <Stat label="Duplicates" value={p.duplicates} tone={p.duplicates ? 'text-warning' : undefined} />
        {/* Skipped rows are expected in most exports (empty rows, unsupported kinds): neutral, not an error. */}
        <Stat label="Skipped rows" value={p.skipped.length} />
        <Stat label="Folders" value={p.folders.length} />
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-[13px] text-muted">
        {TYPE_ORDER.filter((t) => p.byType[t]).map((t) => (
          <span key={t} className="inline-flex items-center gap-1.5">
            <ItemIcon type={t} size="sm" />
            {p.byType[t]} {p.byType[t] === 1 ? ITEM_TYPES[t].label.toLowerCase() : ITEM_TYPES[t].plural.toLowerCase()}
          </span>
        ))}
      </div>
      {p.warnings.map((w) => (
        <Callout key={w} tone="warning">
          {w}
        </Callout>
      ))}
      <ImportAttachments attachments={p.attachments} />
      {p.skipped.length > 0 ? (
        <div className="flex flex-col gap-1.5">
          <button
            type="button"
            aria-expanded={showSkipped}
            onClick={() => setShowSkipped((v) => !v)}
            className="flex items-center gap-1 self-start text-[13px] font-medium text-text"
          >
            <ChevronRight className={cx('size-4 transition-transform', showSkipped && 'rotate-90')} aria-hidden />
            Why {p.skipped.length} {p.skipped.length === 1 ? 'row was' : 'rows were'} skipped
          </button>
          {showSkipped ? (
            <ul className="max-h-32 overflow-y-auto rounded-lg border border-line bg-surface text-xs" data-testid="import-skipped">
              {p.skipped.map((s, i) => (
                <li key={i} className="flex gap-3 border-b border-line px-3 py-1.5 last:border-0">
                  <span className="w-14 shrink-0 text-faint">Row {s.row}</span>
                  <span className="text-text">{s.reason}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <h3 className="text-[11px] font-semibold tracking-wide text-faint uppercase">Sample {p.sample.length < p.total ? `(first ${p.sample.length})` : ''}</h3>
        <ul className="max-h-48 overflow-y-auto rounded-lg border border-line bg-surface" data-testid="import-sample">
          {p.sample.map((s, i) => (
            <li key={i} className="flex items-center gap-2.5 border-b border-line px-3 py-1.5 last:border-0">
              <ItemIcon type={s.type} size="sm" />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-[13px] text-text">{s.title}</span>
                {s.subtitle ? <span className="block truncate text-xs text-muted">{s.subtitle}</span> : null}
              </span>
              {s.duplicate ? (
                <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-warning-soft px-2 py-0.5 text-[11px] text-warning">
                  <Copy className="size-3" aria-hidden /> Duplicate
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {p.folders.length > 0 ? (
          <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted">
            <Folder className="size-3.5" aria-hidden />
            {p.folders.slice(0, 8).join(', ')}
            {p.folders.length > 8 ? ` and ${p.folders.length - 8} more` : ''}
          </p>
        ) : null}
      </div>
      {p.duplicates > 0 ? (
        <Toggle
          label="Skip duplicates"
          description={`${p.duplicates} ${p.duplicates === 1 ? 'item matches' : 'items match'} one already in the vault (title, username and website).`}
          checked={skipDuplicates}
          onCheckedChange={onSkipDuplicates}
        />
      ) : null}
    </div>
  );
}
