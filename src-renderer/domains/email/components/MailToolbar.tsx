import * as Menu from '@radix-ui/react-dropdown-menu';
import { Download, FileUp, Search, Server, Settings2, type LucideIcon } from 'lucide-react';
import type { RefObject } from 'react';
import { shortcutLabel } from '../../../lib/shortcuts';
import { Button } from '../../../ui/Button';
import { ClearSearchButton } from '../../../ui/ClearSearchButton';
import { cx } from '../../../ui/cx';
import { SEARCH_OPERATORS } from '../email-format';
import { setQuery, useMailStore } from '../email.store';
import { MailViewSelect } from './MailSidebar';

export type MailDialog = 'import' | 'imap' | 'export';

function Item({ icon: Icon, label, onSelect, testId }: { icon: LucideIcon; label: string; onSelect(): void; testId: string }) {
  return (
    <Menu.Item
      onSelect={onSelect}
      className={cx('flex h-8 cursor-default items-center gap-2.5 rounded-md px-2.5 text-[13px] text-text outline-none', 'data-[highlighted]:bg-hover')}
      data-testid={testId}
    >
      <Icon className="size-4 text-muted" aria-hidden />
      {label}
    </Menu.Item>
  );
}

/**
 * Above the list: search (Ctrl+F or /; Escape clears) with the operators as a hint, and the tools (import, IMAP,
 * export). `modal={false}`: a modal Radix menu injects a <style> element that our CSP refuses (see ui/Modal.tsx).
 */
export function MailToolbar({ searchRef, onDialog }: { searchRef: RefObject<HTMLInputElement | null>; onDialog(d: MailDialog): void }) {
  const query = useMailStore((s) => s.query);
  return (
    <div className="flex shrink-0 flex-col gap-1 border-b border-line px-3 py-2">
      <div className="flex min-w-0 items-center gap-2">
        <MailViewSelect />
        <label className="relative min-w-0 flex-1">
          <span className="sr-only">Search mail</span>
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
          <input
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault();
                document.querySelector<HTMLElement>('[data-testid=mail-hits],[data-testid=mail-list]')?.focus();
              }
            }}
            placeholder={`Search mail (${shortcutLabel('F')} or /)`}
            className="field-input h-8 pr-8 pl-8 text-[13px] [&::-webkit-search-cancel-button]:appearance-none"
            maxLength={1000}
            data-testid="mail-search"
          />
          <ClearSearchButton query={query} onClear={() => setQuery('')} />
        </label>
        <Menu.Root modal={false}>
          <Menu.Trigger asChild>
            <Button size="sm" variant="ghost" icon={Settings2} aria-label="Mail tools" title="Import, accounts and export" data-testid="mail-tools" />
          </Menu.Trigger>
          <Menu.Portal>
            <Menu.Content align="end" sideOffset={6} className="animate-fade-in z-50 min-w-[220px] rounded-lg border border-line bg-raised p-1 shadow-pop">
              <Item icon={FileUp} label="Import mail files…" onSelect={() => onDialog('import')} testId="mail-tools-import" />
              <Item icon={Server} label="IMAP accounts…" onSelect={() => onDialog('imap')} testId="mail-tools-imap" />
              <Menu.Separator className="my-1 h-px bg-line" />
              <Item icon={Download} label="Export…" onSelect={() => onDialog('export')} testId="mail-tools-export" />
            </Menu.Content>
          </Menu.Portal>
        </Menu.Root>
      </div>
      {query ? (
        <p className="text-[11px] break-words text-faint" data-testid="mail-search-hint">
          Operators: {SEARCH_OPERATORS.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
