import * as Menu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, FileText, Plus } from 'lucide-react';
import { shortcutLabel, shortcutPairLabel } from '../../../lib/shortcuts';
import { Button } from '../../../ui/Button';
import { useJournalStore } from '../journal.store';

/**
 * "New entry" (Ctrl/⌘+N, Alt+N) and a menu of templates beside it. `modal={false}`: a modal Radix menu
 * injects a <style> element that our CSP refuses (see ui/Modal.tsx).
 */
export function NewEntryMenu({ compact = false }: { compact?: boolean }) {
  const create = useJournalStore((s) => s.create);
  const templates = useJournalStore((s) => s.templates);
  return (
    <div className="flex">
      <Button
        size="sm"
        variant="primary"
        icon={Plus}
        onClick={() => void create()}
        title={`New entry (${shortcutPairLabel(shortcutLabel('N'), 'N')})`}
        className="rounded-r-none @max-3xl:px-2"
      >
        <span className={compact ? 'sr-only' : '@max-3xl:sr-only'}>New entry</span>
      </Button>
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <Button
            size="sm"
            variant="primary"
            icon={ChevronDown}
            aria-label="New entry from a template"
            className="rounded-l-none border-l border-l-on-accent/25 px-1.5"
          />
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content align="end" sideOffset={6} className="animate-fade-in z-50 min-w-[200px] rounded-lg border border-line bg-raised p-1 shadow-pop">
            <Menu.Label className="px-2.5 py-1 text-[11px] font-semibold text-faint uppercase">From a template</Menu.Label>
            {templates.length === 0 ? <p className="px-2.5 py-1.5 text-xs text-muted">No templates yet.</p> : null}
            {templates.map((t) => (
              <Menu.Item
                key={t.id}
                onSelect={() => void create(t.id)}
                className="flex h-8 cursor-default items-center gap-2.5 rounded-md px-2.5 text-[13px] text-text outline-none data-[highlighted]:bg-hover"
              >
                <FileText className="size-4 text-muted" aria-hidden />
                {t.name}
              </Menu.Item>
            ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </div>
  );
}
