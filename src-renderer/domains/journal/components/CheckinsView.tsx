import { FileDown, LineChart as ChartIcon } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeError } from '../../../lib/errors';
import { downloadNotice, downloadText } from '../../../lib/files';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { metrics } from '../journal-data';
import type { MetricSeries } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { metricsCsv, pointsOf } from '../metrics-csv';
import { LineChart } from './LineChart';

/** Check-in charts for one journal (mood and each metric over time), with a CSV of the series. */
export function CheckinsView() {
  const { journals, filterId, say } = useJournalStore(useShallow((s) => ({ journals: s.journals, filterId: s.filter.journalId, say: s.say })));
  const readable = journals.filter((j) => j.privacy === 'normal' || j.open);
  const [picked, setPicked] = useState<string | null>(null);
  const journalId = picked ?? filterId ?? readable.find((j) => j.metrics.length > 0)?.id ?? readable[0]?.id ?? null;
  const journal = journals.find((j) => j.id === journalId);
  const [series, setSeries] = useState<MetricSeries | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!journalId) return;
    let live = true;
    metrics({ journalId }).then(
      (s) => live && (setSeries(s), setError(null)),
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [journalId]);

  if (!journal)
    return (
      <EmptyState icon={ChartIcon} title="No journal to chart">
        Create a journal with check-in metrics (sleep, a 1–5 scale, a yes/no habit) and fill them in on your entries.
      </EmptyState>
    );
  const saveCsv = () => {
    if (!series) return;
    const name = `${journal.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'journal'}-check-ins.csv`;
    downloadText(name, metricsCsv(series), 'text/csv;charset=utf-8');
    say(downloadNotice('Check-ins', name));
  };
  return (
    <div className="@container h-full overflow-y-auto p-4" data-testid="checkins-view">
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <select aria-label="Journal to chart" className="field-input h-8 w-auto" value={journal.id} onChange={(e) => setPicked(e.target.value)}>
          {readable.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
        <span className="flex-1" />
        <Button size="sm" icon={FileDown} disabled={!series || series.points.length === 0} onClick={saveCsv}>
          CSV
        </Button>
      </div>
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {series ? (
        <div className="grid gap-4 @min-[640px]:grid-cols-2">
          <Card title="Mood">
            <LineChart points={pointsOf(series, 'mood')} min={1} max={5} label="Mood over time" />
          </Card>
          {series.metrics.map((m) => (
            <Card key={m.id} title={m.unit ? `${m.name} (${m.unit})` : m.name}>
              <LineChart
                points={pointsOf(series, m.id)}
                bars={m.kind === 'yesno'}
                min={m.kind === 'scale' ? m.min : m.kind === 'yesno' ? 0 : undefined}
                max={m.kind === 'scale' ? m.max : m.kind === 'yesno' ? 1 : undefined}
                label={`${m.name} over time`}
              />
            </Card>
          ))}
        </div>
      ) : null}
      {series && series.metrics.length === 0 ? (
        <p className="mt-3 text-xs text-muted">This journal has no check-in metrics. Add some when you create a journal.</p>
      ) : null}
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-line bg-surface p-3" aria-label={title}>
      <h3 className="mb-2 text-[13px] font-semibold">{title}</h3>
      {children}
    </section>
  );
}
