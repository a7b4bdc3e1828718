import { Download } from 'lucide-react';
import { useState } from 'react';
import { downloadNotice, downloadUrl } from '../../../lib/files';
import { Button } from '../../../ui/Button';
import { ChoiceList } from '../../../ui/ChoiceList';
import { Modal, ModalActions } from '../../../ui/Modal';
import { goalsApi, type Input } from '../plans/goals-api';
import { plural } from '../plans/goals-ui';
import { useAction } from '../plans/useGoalsQuery';
import { DialogOutcome } from './DialogOutcome';

type Format = Input<'export'>['format'];
export const EXPORT_FORMATS: { format: Format; label: string; hint: string }[] = [
  { format: 'tasks-csv', label: 'Tasks (CSV)', hint: 'Every task with its dates, priority, tags, goal and repeat rule.' },
  { format: 'goals-csv', label: 'Goals (CSV)', hint: 'Goals with plan, domain, status and progress.' },
  { format: 'key-results-csv', label: 'Key results (CSV)', hint: 'Start, target and current values.' },
  { format: 'habits-csv', label: 'Habits (CSV)', hint: 'Habits with schedule, target and streaks.' },
  { format: 'checkins-csv', label: 'Habit check-ins (CSV)', hint: 'One row per habit and day.' },
  { format: 'json', label: 'Everything (JSON)', hint: 'Plans, goals, key results, tasks and habits in one file.' },
  { format: 'ics', label: 'iCalendar (.ics)', hint: 'Tasks as to-dos and milestones as events, for other calendar apps.' },
];

/** Export as CSV, JSON or .ics: main writes the file, the browser downloads it by ticket. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const [format, setFormat] = useState<Format>('tasks-csv');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const go = () =>
    run(async () => {
      const r = await goalsApi.export({ format });
      downloadUrl(r.name, r.url);
      setDone(`${plural(r.rows, 'row')} exported. ${downloadNotice('The file', r.name)}`);
    });
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} size="md" title="Export goals and tasks" description="The file is not encrypted: keep it somewhere safe.">
      <ChoiceList<Format>
        name="goals-export"
        legend="Format"
        className="flex flex-col gap-1.5 text-[13px]"
        choices={EXPORT_FORMATS.map((f) => ({ value: f.format, label: f.label, hint: f.hint }))}
        value={format}
        onChange={setFormat}
        testId={(f) => `export-${f}`}
      />
      <DialogOutcome done={done} error={error} testId="export-done" />
      <ModalActions>
        <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
        <Button variant="primary" icon={Download} busy={busy} onClick={() => void go()} data-testid="export-go">
          Export
        </Button>
      </ModalActions>
    </Modal>
  );
}
