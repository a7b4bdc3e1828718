import { useEffect, useRef, useState } from 'react';
import { isModKey } from '../../lib/shortcuts';
import { cx } from '../../ui/cx';
import { ExportDialog } from './components/ExportDialog';
import { ImapDialog } from './components/ImapDialog';
import { ImportDialog } from './components/ImportDialog';
import { ImportBar } from './components/ImportRuns';
import { MailSidebar } from './components/MailSidebar';
import { MailToast } from './components/MailToast';
import { MailToolbar, type MailDialog } from './components/MailToolbar';
import { MessageList, step } from './components/MessageList';
import { MessageView } from './components/MessageView';
import { say, startMail, useMailStore } from './email.store';

const dialogOpen = (): boolean => document.querySelector('[role="dialog"][data-state="open"]') !== null;
/** True in a text field, where j, k and / are characters. */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * Email: folders and labels on the left, the message list (or search hits) in the middle, the open message on the
 * right. Below 896 px of page width the folders become a select above the list and an open message takes the
 * list's place. Keys: Ctrl+F or / search, j/k next/previous message, Enter reads the open one.
 */
export function EmailPage() {
  const selected = useMailStore((s) => s.selectedId !== null);
  const [dialog, setDialog] = useState<MailDialog | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const viewRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const stop = startMail();
    return () => {
      stop();
      say(null);
    };
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen()) return;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (isModKey(event, 'f') || (plain && event.key === '/' && !isTyping(event.target))) searchRef.current?.select();
      else if (plain && !isTyping(event.target) && (event.key === 'j' || event.key === 'k')) step(event.key === 'j' ? 1 : -1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="@container h-full">
      <div className="flex h-full min-h-0" data-testid="email-page">
        <MailSidebar />
        <section
          aria-label="Message list"
          className={cx(
            'flex min-w-0 flex-col border-r border-line bg-surface @4xl:w-[320px] @4xl:shrink-0 @6xl:w-[360px]',
            selected ? '@max-4xl:hidden' : '@max-4xl:flex-1',
          )}
        >
          <MailToolbar searchRef={searchRef} onDialog={setDialog} />
          <MessageList listRef={listRef} onOpen={() => viewRef.current?.focus()} onImport={() => setDialog('import')} />
          <ImportBar />
        </section>
        <section
          ref={viewRef}
          tabIndex={-1}
          aria-label="Message"
          className={cx('min-w-0 flex-1 overflow-y-auto bg-canvas outline-none', selected ? '' : '@max-4xl:hidden')}
        >
          <MessageView />
        </section>
      </div>
      {dialog === 'import' ? <ImportDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'imap' ? <ImapDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'export' ? <ExportDialog onClose={() => setDialog(null)} /> : null}
      <MailToast />
    </div>
  );
}
