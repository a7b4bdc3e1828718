import { ImageOff } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MessageDetail } from '../../../../src-shared/domains/email/email.schemas';
import { cx } from '../../../ui/cx';
import { Spinner } from '../../../ui/Spinner';
import { createMailSanitizer, setFrameDoc, type MailSanitizer } from '../email-html';
import { plural } from '../email-format';
import { useInlineImages } from '../inline-images';

let sanitizer: MailSanitizer | null = null;
const sanitize = (html: string, inline: ReadonlyMap<string, string>) => (sanitizer ??= createMailSanitizer(window)).sanitize(html, inline);

/** Plain text, wrapped, as written. */
function PlainText({ text }: { text: string }) {
  return (
    <pre className="px-4 py-3 font-sans text-[13px] leading-relaxed break-words whitespace-pre-wrap text-text" data-testid="mail-plain">
      {text || '(This message has no text.)'}
    </pre>
  );
}

/** The sanitised HTML in a frame with no scripts and no origin; sized to the pane (it scrolls inside). */
function HtmlFrame({ doc, title }: { doc: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (ref.current) setFrameDoc(ref.current, doc);
  }, [doc]);
  return (
    <iframe
      ref={ref}
      title={title}
      sandbox=""
      referrerPolicy="no-referrer"
      className="block min-h-[280px] w-full flex-1 rounded-md border border-line bg-white"
      data-testid="mail-frame"
    />
  );
}

/**
 * A message's body: the HTML part sanitised (email-html.ts) in a sandboxed frame, with a note when remote images
 * were blocked and a "Plain text" switch; a message with only text shows it preformatted and wrapped.
 */
export function MessageBody({ message }: { message: MessageDetail }) {
  const [plain, setPlain] = useState(false);
  const inline = useInlineImages(message);
  const clean = useMemo(() => (message.html && inline ? sanitize(message.html, inline) : null), [message.html, inline]);
  const text = message.text || clean?.text || '';
  const blocked = clean ? clean.remoteBlocked + clean.inlineMissing : 0;
  return (
    <div className="flex min-h-[320px] flex-1 flex-col gap-1.5" data-testid="mail-body">
      {clean ? (
        <div className="flex items-center gap-2 text-xs text-muted">
          {blocked > 0 ? (
            <span className="flex min-w-0 items-center gap-1.5" data-testid="mail-remote-blocked">
              <ImageOff className="size-3.5 shrink-0" aria-hidden />
              <span className="truncate">
                {clean.remoteBlocked > 0 ? `Remote images blocked (${clean.remoteBlocked})` : `${plural(clean.inlineMissing, 'inline image')} not shown`}
              </span>
            </span>
          ) : null}
          <div role="radiogroup" aria-label="Show as" className="ml-auto flex shrink-0 rounded-md border border-line p-0.5">
            {(['HTML', 'Plain text'] as const).map((label) => {
              const on = (label === 'Plain text') === plain;
              return (
                <button
                  key={label}
                  type="button"
                  role="radio"
                  aria-checked={on}
                  onClick={() => setPlain(label === 'Plain text')}
                  className={cx('rounded px-2 py-0.5 text-[11px]', on ? 'bg-hover font-medium text-text' : 'text-muted hover:text-text')}
                  data-testid={label === 'HTML' ? 'mail-show-html' : 'mail-show-plain'}
                >
                  {label}
                </button>
              );
            })}
          </div>
        </div>
      ) : null}
      {message.html && !clean ? (
        <p className="flex items-center gap-2 px-1 text-[13px] text-muted">
          <Spinner /> Reading the message…
        </p>
      ) : clean && !plain ? (
        <HtmlFrame doc={clean.doc} title={`Message: ${message.subject || '(no subject)'}`} />
      ) : (
        <PlainText text={text} />
      )}
    </div>
  );
}
