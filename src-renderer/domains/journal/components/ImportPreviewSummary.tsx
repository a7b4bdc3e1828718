import type { ImportPreview } from '../journal-types';

const FORMATS: Record<ImportPreview['format'], string> = {
  'dayone-json': 'Day One (JSON)',
  'dayone-zip': 'Day One (zip)',
  'joplin-jex': 'Joplin (JEX)',
  'joplin-raw': 'Joplin (folder)',
  markdown: 'Markdown files',
  'standard-notes': 'Standard Notes',
  'hearth-markdown': 'Hearth (Markdown export)',
  'hearth-json': 'Hearth (JSON export)',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What an import would do: counts, journals, duplicates, what is skipped and why. */
export function PreviewSummary({
  preview: p,
  skipDuplicates,
  onSkipDuplicates,
}: {
  preview: ImportPreview;
  skipDuplicates: boolean;
  onSkipDuplicates(v: boolean): void;
}) {
  return (
    <div className="flex flex-col gap-3 text-[13px]" data-testid="import-preview">
      <p>
        <span className="font-medium">{FORMATS[p.format]}</span>
        {': '}
        <span data-testid="import-counts">{`${plural(p.entries, 'entry', 'entries')}, ${plural(p.attachments, 'attachment')}, ${plural(p.tags, 'tag')}`}</span>
        {p.missingAttachments ? <span className="text-warning">{`, ${plural(p.missingAttachments, 'missing attachment')}`}</span> : null}.
      </p>
      {p.journals.length > 0 ? (
        <ul className="rounded-md border border-line">
          {p.journals.map((j) => (
            <li key={j.name} className="flex justify-between border-b border-line px-3 py-1.5 last:border-0">
              <span>
                {j.name}{' '}
                {j.existing ? <span className="text-xs text-faint">(existing journal)</span> : <span className="text-xs text-faint">(new journal)</span>}
              </span>
              <span className="text-muted tabular-nums">{j.entries}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {p.duplicates > 0 ? (
        <label className="flex items-center gap-2" data-testid="import-duplicates">
          <input type="checkbox" checked={skipDuplicates} onChange={(e) => onSkipDuplicates(e.target.checked)} />
          {`${plural(p.duplicates, 'duplicate')} already in Hearth: skip ${p.duplicates === 1 ? 'it' : 'them'}`}
        </label>
      ) : (
        <p className="text-muted" data-testid="import-duplicates">
          No duplicates found.
        </p>
      )}
      {p.sample.length > 0 ? (
        <div>
          <h4 className="mb-1 text-xs font-semibold text-faint uppercase">First entries</h4>
          <ul className="text-xs text-muted">
            {p.sample.slice(0, 5).map((s, i) => (
              <li key={i} className="truncate">{`${s.entryDate} · ${s.title}${s.tags.length ? ` · #${s.tags.join(' #')}` : ''}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.skipped.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-warning">{`${plural(p.skipped.length, 'item')} will be skipped`}</summary>
          <ul className="mt-1 max-h-32 overflow-y-auto text-xs text-muted">
            {p.skipped.map((s, i) => (
              <li key={i}>{`${s.what}: ${s.why}`}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {p.warnings.map((w) => (
        <p key={w} className="text-xs text-warning">
          {w}
        </p>
      ))}
    </div>
  );
}
