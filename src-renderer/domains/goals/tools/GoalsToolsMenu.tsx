import * as Menu from '@radix-ui/react-dropdown-menu';
import { Download, FileText, FileUp, Settings2, type LucideIcon } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { ExportDialog } from './ExportDialog';
import { ImportTasksDialog } from './ImportTasksDialog';
import { ReportDialog } from './ReportDialog';

type Dialog = 'import' | 'export' | 'report';

function Item({ icon: Icon, label, onSelect, testId }: { icon: LucideIcon; label: string; onSelect(): void; testId: string }) {
  return (
    <Menu.Item
      onSelect={onSelect}
      className={cx(
        'flex h-8 cursor-default items-center gap-2.5 rounded-md px-2.5 text-[13px] text-text outline-none',
        'data-[disabled]:opacity-50 data-[highlighted]:bg-hover',
      )}
      data-testid={testId}
    >
      <Icon className="size-4 text-muted" aria-hidden />
      {label}
    </Menu.Item>
  );
}

/**
 * The goals module's tools: import tasks (Todoist, TickTick, .ics, Hearth JSON), export (CSV, JSON, iCalendar) and a plan's PDF
 * report. `modal={false}`: a modal Radix menu injects a <style> element that our CSP refuses (see ui/Modal.tsx).
 */
export function GoalsToolsMenu() {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <Button size="sm" variant="ghost" icon={Settings2} aria-label="Goals tools" title="Import, export and reports" data-testid="goals-tools" />
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content align="end" sideOffset={6} className="animate-fade-in z-50 min-w-[220px] rounded-lg border border-line bg-raised p-1 shadow-pop">
            <Item icon={FileUp} label="Import tasks…" onSelect={() => setDialog('import')} testId="goals-tools-import" />
            <Item icon={Download} label="Export…" onSelect={() => setDialog('export')} testId="goals-tools-export" />
            <Menu.Separator className="my-1 h-px bg-line" />
            <Item icon={FileText} label="PDF report of a plan…" onSelect={() => setDialog('report')} testId="goals-tools-report" />
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {dialog === 'import' ? <ImportTasksDialog onClose={close} /> : null}
      {dialog === 'export' ? <ExportDialog onClose={close} /> : null}
      {dialog === 'report' ? <ReportDialog onClose={close} /> : null}
    </>
  );
}
