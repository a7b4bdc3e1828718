import { MailCheck } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { MessageSummary } from '../../../src-shared/domains/email/email.schemas';
import { useNavigationStore } from '../../app/navigation.store';
import { emailApi } from './email-api';
import { addressLabel, listDate } from './email-format';
import { revealMessage } from './email.store';

/** The registrable-ish part of each http(s) URL ("https://www.example.org/x" → "example.org"), at most 50. */
export function domainsOf(urls: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of urls) {
    try {
      const u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
      if (u.protocol === 'http:' || u.protocol === 'https:') out.add(u.hostname.replace(/^www\./, '').toLowerCase());
    } catch {
      // Not a URL: nothing to match.
    }
  }
  return [...out].filter(Boolean).slice(0, 50);
}

/**
 * "Accounts you have" on a vault item: sign-up and confirmation mails in the archive from the item's websites'
 * domains (`email.signups`), each opening in Email. Shows nothing when there are none (or the archive is empty).
 */
export function AccountsYouHave({ urls }: { urls: readonly string[] }) {
  const domains = useMemo(() => domainsOf(urls), [urls]);
  const key = domains.join(' ');
  const [mails, setMails] = useState<{ key: string; list: MessageSummary[] } | null>(null);
  useEffect(() => {
    if (!key) return undefined;
    let live = true;
    emailApi.signups({ domains: key.split(' ') }).then(
      (list) => live && setMails({ key, list }),
      () => live && setMails({ key, list: [] }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  const list = mails?.key === key ? mails.list : [];
  if (!key || list.length === 0) return null;
  return (
    <section aria-label="Accounts you have" className="flex flex-col gap-1.5 px-1" data-testid="accounts-you-have">
      <h3 className="flex items-center gap-1.5 text-[12px] font-medium text-muted">
        <MailCheck className="size-3.5" aria-hidden /> Sign-up mails in your archive
      </h3>
      <ul className="flex flex-col divide-y divide-line rounded-lg border border-line text-xs">
        {list.slice(0, 10).map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="flex w-full min-w-0 items-baseline gap-2 px-3 py-1.5 text-left hover:bg-hover"
              onClick={() => {
                useNavigationStore.getState().go('email');
                revealMessage(m.id);
              }}
            >
              <span className="min-w-0 flex-1 truncate text-text">{m.subject || '(no subject)'}</span>
              <span className="max-w-[40%] shrink-0 truncate text-faint">{addressLabel(m.from)}</span>
              <span className="shrink-0 text-faint">{listDate(m.date)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
