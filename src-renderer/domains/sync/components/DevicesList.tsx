import { Laptop, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { SyncDevice } from '../../../../src-shared/domains/sync/sync.schemas';
import { useAsyncAction } from '../../../lib/useAsyncAction';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { useSyncStore } from '../sync.store';
import { ago } from '../sync-format';

/** "Revoke…": says what happens (the device stops syncing; its local data stays on it), then revokes. */
function RevokeDialog({ device, onClose }: { device: SyncDevice; onClose(): void }) {
  const revoke = useSyncStore((s) => s.revoke);
  const { busy, error, run } = useAsyncAction();
  const confirm = async () => {
    if (await run(() => revoke(device.id))) onClose();
  };
  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Revoke “${device.name}”?`}
      description="It can no longer sync with this account. What is already on it stays there: lock or erase that device too if it was lost."
    >
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <ModalActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" icon={Trash2} busy={busy} onClick={() => void confirm()} autoFocus>
          Revoke
        </Button>
      </ModalActions>
    </Modal>
  );
}

/** The account's devices: this one first, revoked ones dimmed, "Revoke…" on the others. */
export function DevicesList() {
  const devices = useSyncStore((s) => s.devices);
  const error = useSyncStore((s) => s.devicesError);
  const [revoking, setRevoking] = useState<SyncDevice | null>(null);
  if (error)
    return (
      <Callout tone="danger" className="mx-4 my-2">
        {error}
      </Callout>
    );
  if (devices === null)
    return (
      <p className="flex items-center gap-2 px-4 py-3 text-[13px] text-muted">
        <Spinner /> Loading devices…
      </p>
    );
  const sorted = [...devices].sort((a, b) => Number(b.current) - Number(a.current) || Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
  return (
    <>
      <ul className="flex flex-col py-1" aria-label="Devices" data-testid="sync-devices">
        {sorted.map((d) => (
          <li key={d.id} className="flex items-center gap-3 px-4 py-2" data-testid="sync-device">
            <Laptop className={d.revokedAt ? 'size-4 shrink-0 text-faint' : 'size-4 shrink-0 text-muted'} aria-hidden />
            <div className="min-w-0 flex-1">
              <div className={d.revokedAt ? 'truncate text-[13px] text-faint line-through' : 'truncate text-[13px] text-text'}>
                {d.name}
                {d.current ? <span className="ml-2 rounded bg-accent-soft px-1.5 py-0.5 text-[11px] font-medium text-accent">This device</span> : null}
              </div>
              <div className="text-xs text-muted">
                {d.revokedAt ? `Revoked ${ago(d.revokedAt)}` : d.lastSeenAt ? `Last synced ${ago(d.lastSeenAt)}` : 'Not synced yet'}
              </div>
            </div>
            {!d.current && !d.revokedAt ? (
              <Button size="sm" variant="ghost" icon={Trash2} onClick={() => setRevoking(d)} aria-label={`Revoke ${d.name}`}>
                Revoke…
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {revoking ? <RevokeDialog device={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}
