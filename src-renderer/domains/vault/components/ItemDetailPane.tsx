import { ExternalLink, Folder, LockKeyhole, MousePointerClick, Pencil, RotateCcw, Star, Tag, Trash2 } from 'lucide-react';
import { useState, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ItemDetail } from '../../../../src-shared/domains/vault/vault.schemas';
import { formatDate } from '../../../lib/dates';
import { describeError } from '../../../lib/errors';
import { shortcutLabel, shortcutPairLabel } from '../../../lib/shortcuts';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { EmptyState } from '../../../ui/EmptyState';
import { Modal, ModalActions } from '../../../ui/Modal';
import { detailPlaceholder } from '../../../ui/DetailPlaceholder';
import { Tooltip } from '../../../ui/Tooltip';
import { AccountsYouHave } from '../../email';
import { AttachmentsSlot } from '../../files';
import { useVaultStore } from '../vault.store';
import { FieldCard, FieldRow, IconAction, PlainRow, SecretRow } from './FieldRow';
import { ITEM_TYPES, ItemIcon } from './ItemIcon';
import { ItemHistory } from './ItemHistory';
import { shiftShortcutLabel } from './shortcut-labels';
import { TotpRow } from './TotpRow';

function LoginSection({ item }: { item: ItemDetail }) {
  const openUrl = useVaultStore((s) => s.openUrl);
  const login = item.login;
  if (!login) return null;
  const empty = !login.username && !login.hasPassword && !item.hasTotp && login.urls.length === 0;
  return (
    <FieldCard>
      {login.username ? <PlainRow label="Username" value={login.username} shortcut={shortcutPairLabel(shortcutLabel('B'), 'B')} /> : null}
      {login.hasPassword ? (
        <SecretRow itemId={item.id} field="password" label="Password" copyShortcut={shortcutPairLabel(shiftShortcutLabel('C'), 'C')} testId="password-row" />
      ) : null}
      {item.hasTotp ? <TotpRow key={item.id} itemId={item.id} copyShortcut={shortcutPairLabel(shiftShortcutLabel('T'), 'T')} /> : null}
      {login.urls.map((u, i) => (
        <PlainRow
          key={`${i}-${u.url}`}
          label={login.urls.length === 1 ? 'Website' : `Website ${i + 1}`}
          value={u.url}
          actions={<IconAction icon={ExternalLink} label="Open in browser" onClick={() => void openUrl(u.url)} />}
        />
      ))}
      {empty ? (
        <FieldRow label="Login">
          <span className="text-muted">No username or password yet.</span>
        </FieldRow>
      ) : null}
    </FieldCard>
  );
}

function CardSection({ item }: { item: ItemDetail }) {
  const card = item.card;
  if (!card) return null;
  const expiry = [card.expMonth.padStart(card.expMonth ? 2 : 0, '0'), card.expYear].filter(Boolean).join(' / ');
  return (
    <FieldCard>
      {card.holder ? <PlainRow label="Cardholder" value={card.holder} /> : null}
      {card.brand ? <PlainRow label="Brand" value={card.brand} /> : null}
      {card.hasNumber ? <SecretRow itemId={item.id} field="cardNumber" label="Number" maskHint={card.last4} /> : null}
      {expiry ? <PlainRow label="Expires" value={expiry} mono /> : null}
      {card.hasCode ? <SecretRow itemId={item.id} field="cardCode" label="Security code" /> : null}
    </FieldCard>
  );
}

const IDENTITY_ROWS = [
  ['Company', 'company'],
  ['Email', 'email'],
  ['Phone', 'phone'],
  ['Username', 'username'],
] as const;

function IdentitySection({ item }: { item: ItemDetail }) {
  const id = item.identity;
  if (!id) return null;
  const name = [id.title, id.firstName, id.middleName, id.lastName].filter(Boolean).join(' ');
  const address = [id.address1, id.address2, id.address3, [id.postalCode, id.city].filter(Boolean).join(' '), id.state, id.country].filter(Boolean);
  return (
    <>
      <FieldCard>
        {name ? <PlainRow label="Name" value={name} /> : null}
        {IDENTITY_ROWS.map(([label, key]) => (id[key] ? <PlainRow key={key} label={label} value={id[key]} /> : null))}
        {address.length > 0 ? (
          <FieldRow label="Address">
            <span className="whitespace-pre-line">{address.join('\n')}</span>
          </FieldRow>
        ) : null}
      </FieldCard>
      {id.hasSsn || id.hasPassport || id.hasLicense ? (
        <FieldCard title="Documents">
          {id.hasSsn ? <SecretRow itemId={item.id} field="ssn" label="National ID" /> : null}
          {id.hasPassport ? <SecretRow itemId={item.id} field="passportNumber" label="Passport" /> : null}
          {id.hasLicense ? <SecretRow itemId={item.id} field="licenseNumber" label="Licence" /> : null}
        </FieldCard>
      ) : null}
    </>
  );
}

function CustomFields({ item }: { item: ItemDetail }) {
  if (item.fields.length === 0) return null;
  return (
    <FieldCard title="Custom fields">
      {item.fields.map((f) => {
        if (f.type === 'hidden') return <SecretRow key={f.id} itemId={item.id} field={`field:${f.id}`} label={f.name || 'Hidden field'} />;
        if (f.type === 'boolean') {
          return (
            <FieldRow key={f.id} label={f.name || 'Field'}>
              {f.value === 'true' ? 'Yes' : 'No'}
            </FieldRow>
          );
        }
        return <PlainRow key={f.id} label={f.name || 'Field'} value={f.value ?? ''} />;
      })}
    </FieldCard>
  );
}

function Header({ item, onEdit }: { item: ItemDetail; onEdit(): void }) {
  const toggleFavorite = useVaultStore((s) => s.toggleFavorite);
  const trash = useVaultStore((s) => s.trash);
  const notify = useVaultStore((s) => s.notify);
  const fail = (err: unknown) => notify(describeError(err), 'danger');
  const trashed = item.deletedAt !== null;
  return (
    <header className="flex items-start gap-3.5">
      <ItemIcon type={item.type} size="lg" />
      <div className="min-w-0 flex-1 pt-0.5">
        <h2 className="line-clamp-2 text-lg font-semibold break-words tracking-tight text-text" data-testid="detail-title">
          {item.title}
        </h2>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
          <span>{ITEM_TYPES[item.type].label}</span>
          {item.folder ? (
            <span className="inline-flex items-center gap-1">
              <Folder className="size-3" aria-hidden /> {item.folder}
            </span>
          ) : null}
          {item.reprompt ? (
            <span className="inline-flex items-center gap-1">
              <LockKeyhole className="size-3" aria-hidden /> Asks for master password
            </span>
          ) : null}
        </p>
      </div>
      {trashed ? null : (
        <div className="flex shrink-0 items-center gap-1">
          <IconAction
            icon={Star}
            iconClass={item.favorite ? 'fill-warning text-warning' : undefined}
            label={item.favorite ? 'Remove from favorites' : 'Add to favorites'}
            pressed={item.favorite}
            onClick={() => void toggleFavorite().catch(fail)}
            testId="favorite-toggle"
          />
          <IconAction icon={Trash2} label="Move to trash" onClick={() => void trash(item.id).catch(fail)} testId="trash-item" />
          <Tooltip label="Edit" shortcut={shortcutPairLabel(shortcutLabel('E'), 'E')}>
            <Button size="sm" icon={Pencil} onClick={onEdit} className="ml-1">
              Edit
            </Button>
          </Tooltip>
        </div>
      )}
    </header>
  );
}

function TrashBanner({ item }: { item: ItemDetail }) {
  const restore = useVaultStore((s) => s.restore);
  const purge = useVaultStore((s) => s.purge);
  const notify = useVaultStore((s) => s.notify);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => notify(describeError(err), 'danger');
  return (
    <Callout tone="warning">
      <p>In the trash since {formatDate(item.deletedAt ?? '')}. Items are deleted forever after 30 days.</p>
      <div className="mt-2.5 flex gap-2">
        <Button size="sm" icon={RotateCcw} onClick={() => void restore(item.id).catch(fail)}>
          Restore
        </Button>
        <Button size="sm" variant="ghost" icon={Trash2} className="text-danger hover:text-danger" onClick={() => setConfirming(true)}>
          Delete forever
        </Button>
      </div>
      <Modal
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete “${item.title}” forever?`}
        description="This erases the item, its history and its secrets. It cannot be undone."
      >
        <ModalActions>
          <Button onClick={() => setConfirming(false)}>Cancel</Button>
          <Button
            variant="danger"
            busy={busy}
            onClick={() => {
              setBusy(true);
              purge(item.id)
                .catch(fail)
                .finally(() => {
                  setBusy(false);
                  setConfirming(false);
                });
            }}
          >
            Delete forever
          </Button>
        </ModalActions>
      </Modal>
    </Callout>
  );
}

function Meta({ item }: { item: ItemDetail }) {
  const rows: [string, string | null][] = [
    ['Created', item.createdAt],
    ['Modified', item.updatedAt],
    ['Password changed', item.login?.passwordChangedAt ?? null],
    ['Last used', item.lastUsedAt],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 px-1 text-xs">
      {rows
        .filter((r): r is [string, string] => r[1] !== null)
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-faint">{label}</dt>
            <dd className="text-muted">{formatDate(value)}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The right pane: one item's details, secrets masked, with copy, reveal, TOTP, history and actions. */
export function ItemDetailPane({ paneRef, onEdit }: { paneRef: RefObject<HTMLDivElement | null>; onEdit(): void }) {
  const { detail, selectedId, detailError } = useVaultStore(useShallow((s) => ({ detail: s.detail, selectedId: s.selectedId, detailError: s.detailError })));
  const placeholder = detailPlaceholder({
    selected: selectedId !== null,
    error: detailError,
    loaded: detail !== null,
    errorClassName: 'm-6',
    empty: (
      <EmptyState icon={MousePointerClick} title="No item selected">
        Choose an item on the left, or press <span className="font-medium text-text">{shortcutPairLabel(shortcutLabel('N'), 'N')}</span> to add one.
      </EmptyState>
    ),
  });
  if (placeholder !== null || !detail) return placeholder;
  const item = detail;
  return (
    // Keyed by item: a revealed value must never carry over to the next item shown in the same place.
    <div
      key={item.id}
      ref={paneRef}
      tabIndex={-1}
      className="mx-auto flex w-full max-w-[640px] flex-col gap-5 px-6 py-6 outline-none"
      data-testid="item-detail"
    >
      <Header item={item} onEdit={onEdit} />
      {item.deletedAt ? <TrashBanner item={item} /> : null}
      <LoginSection item={item} />
      <CardSection item={item} />
      <IdentitySection item={item} />
      {item.type === 'note' && item.hasSecureNote ? (
        <FieldCard>
          <SecretRow itemId={item.id} field="secureNote" label="Note" multiline />
        </FieldCard>
      ) : null}
      <CustomFields item={item} />
      {item.notes ? (
        <FieldCard title="Notes">
          <div className="px-4 py-3 text-[13.5px] whitespace-pre-wrap text-text select-text">{item.notes}</div>
        </FieldCard>
      ) : null}
      {item.tags.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5 px-1">
          <Tag className="size-3.5 text-faint" aria-label="Tags" />
          {item.tags.map((t) => (
            <span key={t} className="rounded-full border border-line bg-subtle px-2 py-0.5 text-xs text-muted">
              {t}
            </span>
          ))}
        </div>
      ) : null}
      <AttachmentsSlot domain="vault" id={item.id} label={item.title} readOnly={item.deletedAt !== null} />
      {item.login?.urls.length ? <AccountsYouHave urls={item.login.urls.map((u) => u.url)} /> : null}
      <ItemHistory item={item} />
      <Meta item={item} />
    </div>
  );
}
