import { Share2, ShieldCheck, UserMinus, UserPlus, UserRound } from 'lucide-react';
import { Fragment, useState, type FormEvent } from 'react';
import type { SharedCollection } from '../../../../src-shared/domains/sync/sync-sharing.schemas';
import { useAsyncAction } from '../../../lib/useAsyncAction';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Field } from '../../../ui/Field';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { TextField } from '../../../ui/TextField';
import { cx } from '../../../ui/cx';
import { useSyncStore } from '../sync.store';

type Role = SharedCollection['role'];
type Member = SharedCollection['members'][number];

const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' };
const ROLE_CLASS: Record<Role, string> = { owner: 'bg-accent-soft text-accent', editor: 'bg-subtle text-text', viewer: 'bg-subtle text-muted' };
const ROLE_ORDER: Record<Role, number> = { owner: 0, editor: 1, viewer: 2 };

function RoleBadge({ role }: { role: Role }) {
  return <span className={cx('shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium', ROLE_CLASS[role])}>{ROLE_LABEL[role]}</span>;
}

/** Not shared yet: what sharing does, a name, and "Share the register". */
function ShareForm() {
  const shareBatches = useSyncStore((s) => s.shareBatches);
  const [name, setName] = useState('Shop register');
  const { busy, error, run } = useAsyncAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || busy) return;
    await run(() => shareBatches(name.trim()));
  };
  return (
    <form className="flex flex-col gap-3 px-4 py-2" onSubmit={(e) => void submit(e)} noValidate data-testid="sync-share-form">
      <p className="text-xs text-muted">
        Staff on their own Hearth and sync account see and edit the batches register with you; viewers only see it. Removing someone changes the register’s key,
        so they cannot read anything written after.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-48">
          <TextField label="Register name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
        </div>
        <Button type="submit" icon={Share2} busy={busy} disabled={!name.trim()}>
          Share the register
        </Button>
      </div>
      {error ? <Callout tone="danger">{error}</Callout> : null}
    </form>
  );
}

/** This account's key fingerprint, computed on this device: a member reads it to the owner who invites them. */
function OwnFingerprint() {
  const fingerprint = useSyncStore((s) => s.fingerprint);
  if (fingerprint === null) return null;
  return (
    <div className="px-4 py-1.5" data-testid="sync-own-fingerprint">
      <p className="text-[13px] text-text">
        Your key fingerprint: <span className="font-mono tracking-wide whitespace-nowrap select-all">{fingerprint}</span>
      </p>
      <p className="mt-0.5 text-xs text-muted">Read it to the shop owner when they invite you.</p>
    </div>
  );
}

interface PendingInvite {
  email: string;
  role: 'editor' | 'viewer';
  /** The fingerprint of the key the server gives for `email`: the member must read the same one from their device. */
  fingerprint: string;
}

/**
 * "Check their fingerprint": the key to invite comes from the server, which could hand over its own. The member reads
 * theirs from Settings → Sync on their device; only when it matches is the register's key wrapped to this one.
 */
function ConfirmInviteDialog({
  collection,
  pending,
  onClose,
  onDone,
}: {
  collection: SharedCollection;
  pending: PendingInvite;
  onClose(): void;
  onDone(): void;
}) {
  const invite = useSyncStore((s) => s.invite);
  const { busy, error, run } = useAsyncAction();
  const confirm = async () => {
    if (await run(() => invite(collection.id, pending.email, pending.role, pending.fingerprint))) onDone();
  };
  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Check ${pending.email}’s key`}
      description={`Ask ${pending.email} to read the fingerprint under Settings → Sync on their device. It must be:`}
    >
      {/* Two rows of four groups, read aloud like the recovery key; the spaces stay in the text for copying and tests. */}
      <p
        className="my-1 grid grid-cols-4 justify-items-center gap-x-3 gap-y-1 rounded-lg border border-line bg-subtle px-4 py-3 font-mono text-lg font-medium tracking-[0.08em] text-text select-all"
        data-testid="sync-invite-fingerprint"
      >
        {pending.fingerprint.split(' ').map((group, i) => (
          <Fragment key={i}>
            {i > 0 ? ' ' : null}
            <span>{group}</span>
          </Fragment>
        ))}
      </p>
      <p className="mt-2 text-xs text-muted">
        If it differs, someone may be trying to read the register: do not invite, and tell whoever runs the sync server.
      </p>
      {error ? (
        <Callout tone="danger" className="mt-2">
          {error}
        </Callout>
      ) : null}
      <ModalActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" icon={ShieldCheck} busy={busy} onClick={() => void confirm()}>
          It matches — invite
        </Button>
      </ModalActions>
    </Modal>
  );
}

/** The owner's "Invite": an email and a role, then the fingerprint check; the member needs a sync account on the same server. */
function InviteForm({ collection }: { collection: SharedCollection }) {
  const memberKey = useSyncStore((s) => s.memberKey);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'editor' | 'viewer'>('editor');
  const { busy, error, run } = useAsyncAction();
  const [pending, setPending] = useState<PendingInvite | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || busy) return;
    await run(async () => setPending({ email: email.trim(), role, fingerprint: await memberKey(email.trim()) }));
  };
  // The dialog sits beside the form, not in it: its buttons must not submit the form.
  return (
    <>
      <form className="flex flex-col gap-2 px-4 py-2" onSubmit={(e) => void submit(e)} noValidate data-testid="sync-invite-form">
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-48">
            <TextField
              label="Invite by email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder="staff@example.org"
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <Field label="Role">
            {(ids) => (
              <select id={ids.inputId} className="field-input w-auto" value={role} onChange={(e) => setRole(e.target.value === 'viewer' ? 'viewer' : 'editor')}>
                <option value="editor">Editor: sees and edits</option>
                <option value="viewer">Viewer: only sees</option>
              </select>
            )}
          </Field>
          <Button type="submit" icon={UserPlus} busy={busy} disabled={!email.trim()}>
            Invite
          </Button>
        </div>
        <p className="text-xs text-muted">
          They need a sync account on this server; you check their key fingerprint with them before the invite. The register reaches them at their next sync.
        </p>
        {error ? <Callout tone="danger">{error}</Callout> : null}
      </form>
      {pending ? (
        <ConfirmInviteDialog
          collection={collection}
          pending={pending}
          onClose={() => setPending(null)}
          onDone={() => {
            setPending(null);
            setEmail('');
          }}
        />
      ) : null}
    </>
  );
}

/** "Remove…": says the key is changed so they cannot read what comes after, then removes. */
function RemoveDialog({ collection, member, onClose }: { collection: SharedCollection; member: Member; onClose(): void }) {
  const removeMember = useSyncStore((s) => s.removeMember);
  const { busy, error, run } = useAsyncAction();
  const confirm = async () => {
    if (await run(() => removeMember(collection.id, member.accountId))) onClose();
  };
  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Remove ${member.email}?`}
      description="They stop syncing the register. Its key is changed at once, so they cannot read anything written after; what they already have stays on their devices."
    >
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <ModalActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" icon={UserMinus} busy={busy} onClick={() => void confirm()} autoFocus>
          Remove
        </Button>
      </ModalActions>
    </Modal>
  );
}

/** One shared register: its name, this profile's role, the members; the owner invites and removes. */
function CollectionView({ collection, ownEmail }: { collection: SharedCollection; ownEmail: string | null }) {
  const [removing, setRemoving] = useState<Member | null>(null);
  const owner = collection.role === 'owner';
  const members = [...collection.members].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.email.localeCompare(b.email));
  return (
    <div data-testid="sync-shared-collection">
      <div className="flex items-center gap-2 px-4 py-1.5">
        <span className={cx('min-w-0 truncate text-[13px] font-medium', collection.name === null ? 'text-muted italic' : 'text-text')}>
          {collection.name ?? 'Name not readable on this device yet'}
        </span>
        <span className="shrink-0 text-xs text-muted" data-testid="sync-shared-role">
          You are {collection.role === 'owner' ? 'the owner' : `a${collection.role === 'editor' ? 'n' : ''} ${collection.role}`}
        </span>
      </div>
      {!collection.active ? <p className="px-4 text-xs text-warning">Your batches start syncing into it at the next sync.</p> : null}
      <ul className="flex flex-col py-1" aria-label="Members" data-testid="sync-members">
        {members.map((m) => (
          <li key={m.accountId} className="flex items-center gap-3 px-4 py-1.5" data-testid="sync-member">
            <UserRound className="size-4 shrink-0 text-muted" aria-hidden />
            <div className="min-w-0 flex-1 truncate text-[13px] text-text">
              {m.email}
              {ownEmail !== null && m.email.toLowerCase() === ownEmail.toLowerCase() ? <span className="ml-2 text-xs text-muted">(you)</span> : null}
            </div>
            <RoleBadge role={m.role} />
            {owner && m.role !== 'owner' ? (
              <Button size="sm" variant="ghost" icon={UserMinus} onClick={() => setRemoving(m)} aria-label={`Remove ${m.email}`}>
                Remove…
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {owner ? <InviteForm collection={collection} /> : <p className="px-4 pb-1 text-xs text-muted">Only the owner invites or removes people.</p>}
      {removing ? <RemoveDialog collection={collection} member={removing} onClose={() => setRemoving(null)} /> : null}
    </div>
  );
}

/** Settings → Sync → "Shared batches register": share it, or see its members (the owner also invites and removes). */
export function SharingPanel({ ownEmail }: { ownEmail: string | null }) {
  const collections = useSyncStore((s) => s.collections);
  const error = useSyncStore((s) => s.collectionsError);
  if (error)
    return (
      <Callout tone="danger" className="mx-4 my-2">
        {error}
      </Callout>
    );
  if (collections === null)
    return (
      <p className="flex items-center gap-2 px-4 py-3 text-[13px] text-muted">
        <Spinner /> Loading the shared register…
      </p>
    );
  const registers = collections.filter((c) => c.kind === 'batches');
  if (registers.length === 0)
    return (
      <>
        <OwnFingerprint />
        <ShareForm />
      </>
    );
  return (
    <div className="flex flex-col gap-2">
      <OwnFingerprint />
      {registers.map((c) => (
        <CollectionView key={c.id} collection={c} ownEmail={ownEmail} />
      ))}
    </div>
  );
}
