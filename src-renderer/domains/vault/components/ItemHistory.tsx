import { ChevronRight, Clock } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ItemDetail } from '../../../../src-shared/domains/vault/vault.schemas';
import { formatDate } from '../../../lib/dates';
import { cx } from '../../../ui/cx';
import { useVaultStore } from '../vault.store';
import { FieldCard, FieldRow, SecretRow } from './FieldRow';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const formatDateTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${formatDate(iso)}, ${timeFormat.format(d)}`;
};

function Disclosure({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-col gap-1.5">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-1 self-start rounded px-1 text-[11px] font-semibold tracking-wide text-faint uppercase hover:text-muted"
      >
        <ChevronRight className={cx('size-3.5 transition-transform', open && 'rotate-90')} aria-hidden />
        {title}
        <span className="ml-1 rounded-full bg-subtle px-1.5 font-medium tracking-normal normal-case tabular-nums">{count}</span>
      </button>
      {open ? children : null}
    </div>
  );
}

/** Previous passwords (each revealed one at a time, as `history:<id>`) and earlier saved versions. */
export function ItemHistory({ item }: { item: ItemDetail }) {
  const { history, versions } = useVaultStore(useShallow((s) => ({ history: s.history, versions: s.versions })));
  if (history.length === 0 && versions.length === 0) return null;
  return (
    <div className="flex flex-col gap-3">
      {history.length > 0 ? (
        <Disclosure title="Password history" count={history.length}>
          <FieldCard>
            {history.map((h) => (
              <SecretRow key={h.id} itemId={item.id} field={`history:${h.id}`} label={`Set ${formatDateTime(h.changedAt)}`} name="old password" />
            ))}
          </FieldCard>
        </Disclosure>
      ) : null}
      {versions.length > 0 ? (
        <Disclosure title="Earlier versions" count={versions.length}>
          <FieldCard>
            {versions.map((v) => (
              <FieldRow key={v.id} label={formatDateTime(v.savedAt)}>
                <span className="flex items-center gap-1.5">
                  <Clock className="size-3.5 text-faint" aria-hidden />
                  {v.title}
                </span>
              </FieldRow>
            ))}
          </FieldCard>
        </Disclosure>
      ) : null}
    </div>
  );
}
