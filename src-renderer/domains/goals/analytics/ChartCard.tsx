import { Download } from 'lucide-react';
import type { ReactNode } from 'react';
import { downloadText } from '../../../lib/files';
import { Button } from '../../../ui/Button';

/** A chart with its title and a "CSV" button that downloads exactly the numbers it draws. */
export function ChartCard({ title, csv, fileName, testId, children }: { title: string; csv(): string; fileName: string; testId: string; children: ReactNode }) {
  return (
    <section className="flex min-w-0 flex-col gap-2 rounded-lg border border-line bg-surface p-3" data-testid={testId}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-[13px] font-semibold text-text">{title}</h3>
        <Button
          size="sm"
          variant="ghost"
          icon={Download}
          onClick={() => downloadText(fileName, csv(), 'text/csv;charset=utf-8')}
          aria-label={`Download the data of “${title}” as CSV`}
          data-testid={`${testId}-csv`}
        >
          CSV
        </Button>
      </div>
      {children}
    </section>
  );
}
