import * as Menu from '@radix-ui/react-dropdown-menu';
import { CalendarPlus, Download, FileUp, Link2, Pencil, RefreshCcw, Rss, Server, Settings2, Trash2, type LucideIcon } from 'lucide-react';
import { useState } from 'react';
import type { Calendar } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { Button } from '../../../ui/Button';
import { cx } from '../../../ui/cx';
import { CaldavDialog } from './CaldavDialog';
import { refreshSubscription } from './editor-data';
import { CalendarDialog, DeleteCalendarDialog } from './CalendarDialog';
import { ImportIcsDialog } from './ImportIcsDialog';
import { ExportIcsDialog, PublishDialog, SubscribeDialog } from './ShareDialogs';

type Dialog = 'import' | 'export' | 'subscribe' | 'publish' | 'caldav' | 'new' | 'edit' | 'delete';

function Item({ icon: Icon, label, onSelect, disabled }: { icon: LucideIcon; label: string; onSelect(): void; disabled?: boolean }) {
  return (
    <Menu.Item
      disabled={disabled}
      onSelect={onSelect}
      className={cx(
        'flex h-8 cursor-default items-center gap-2.5 rounded-md px-2.5 text-[13px] text-text outline-none',
        'data-[disabled]:opacity-50 data-[highlighted]:bg-hover',
      )}
    >
      <Icon className="size-4 text-muted" aria-hidden />
      {label}
    </Menu.Item>
  );
}

/**
 * The calendar's tools: import, export, subscribe, publish, CalDAV, and new / edit / delete calendar. `modal={false}`:
 * a modal Radix menu injects a <style> element that our CSP refuses (see ui/Modal.tsx).
 */
export function CalendarToolsMenu({ calendars, selectedCalendarId }: { calendars: Calendar[]; selectedCalendarId: string | null }) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const selected = calendars.find((c) => c.id === selectedCalendarId) ?? null;
  const close = () => setDialog(null);
  const refresh = selected?.source === 'subscription';
  return (
    <>
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <Button size="sm" variant="ghost" icon={Settings2} aria-label="Calendar tools" title="Calendar tools" />
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content align="end" sideOffset={6} className="animate-fade-in z-50 min-w-[220px] rounded-lg border border-line bg-raised p-1 shadow-pop">
            <Item icon={FileUp} label="Import .ics…" onSelect={() => setDialog('import')} />
            <Item icon={Download} label="Export calendar…" onSelect={() => setDialog('export')} />
            <Item icon={Rss} label="Subscribe to URL…" onSelect={() => setDialog('subscribe')} />
            <Item icon={Link2} label="Publish to file…" disabled={!selected} onSelect={() => setDialog('publish')} />
            <Item icon={Server} label="CalDAV accounts…" onSelect={() => setDialog('caldav')} />
            <Menu.Separator className="my-1 h-px bg-line" />
            <Item icon={CalendarPlus} label="New calendar…" onSelect={() => setDialog('new')} />
            {refresh ? (
              <Item icon={RefreshCcw} label="Refresh subscription now" onSelect={() => void refreshSubscription(selected.id).catch(() => undefined)} />
            ) : null}
            <Item icon={Pencil} label="Edit calendar…" disabled={!selected} onSelect={() => setDialog('edit')} />
            <Item icon={Trash2} label="Delete calendar…" disabled={!selected} onSelect={() => setDialog('delete')} />
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {dialog === 'import' ? <ImportIcsDialog calendars={calendars} selectedCalendarId={selectedCalendarId} onClose={close} /> : null}
      {dialog === 'export' ? <ExportIcsDialog calendars={calendars} selectedCalendarId={selectedCalendarId} onClose={close} /> : null}
      {dialog === 'subscribe' ? <SubscribeDialog onClose={close} /> : null}
      {dialog === 'publish' && selected ? <PublishDialog calendar={selected} onClose={close} /> : null}
      {dialog === 'caldav' ? <CaldavDialog onClose={close} /> : null}
      {dialog === 'new' ? <CalendarDialog calendar={null} onClose={close} /> : null}
      {dialog === 'edit' && selected ? <CalendarDialog calendar={selected} onClose={close} /> : null}
      {dialog === 'delete' && selected ? <DeleteCalendarDialog calendar={selected} onClose={close} /> : null}
    </>
  );
}
