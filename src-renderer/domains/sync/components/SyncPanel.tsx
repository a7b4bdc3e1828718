import { CircleAlert, CircleCheck, CloudOff, LogOut, RefreshCw } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { SyncStatus } from '../../../../src-shared/domains/sync/sync.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Spinner } from '../../../ui/Spinner';
import { Toast, type ToastNotice } from '../../../ui/Toast';
import { Toggle } from '../../../ui/Toggle';
import { cx } from '../../../ui/cx';
import { useSyncStore } from '../sync.store';
import { statusLine } from '../sync-format';
import { ConflictsList } from './ConflictsList';
import { DevicesList } from './DevicesList';
import { SharingPanel } from './SharingPanel';

const TONE_ICON = { ok: CircleCheck, busy: Spinner, warn: CloudOff, error: CircleAlert } as const;
const TONE_CLASS = { ok: 'text-success', busy: 'text-muted', warn: 'text-warning', error: 'text-danger' } as const;

/** Signed in: the status line with "Sync now", the background switch, devices, the shared register, conflicts and "Sign out". */
export function SyncPanel({ status }: { status: SyncStatus }) {
  const syncing = useSyncStore((s) => s.syncing);
  const syncNow = useSyncStore((s) => s.syncNow);
  const setBackground = useSyncStore((s) => s.setBackground);
  const signOut = useSyncStore((s) => s.signOut);
  const [notice, setNotice] = useState<ToastNotice | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const dismiss = useCallback(() => setNotice(null), []);
  const line = statusLine(syncing ? { ...status, running: true } : status);
  const Icon = TONE_ICON[line.tone];

  const runNow = async () => {
    try {
      const { report } = await syncNow();
      setNotice({ id: Date.now(), tone: 'success', message: `Synced: ${report.pushed} sent, ${report.applied} received.` });
    } catch (err) {
      setNotice({ id: Date.now(), tone: 'danger', message: `Sync failed: ${describeError(err)}` });
    }
  };

  return (
    <>
      <div className="flex items-center justify-between gap-4 px-4 py-3.5">
        <div className="flex min-w-0 items-start gap-2.5">
          <Icon className={cx('mt-0.5 size-4 shrink-0', TONE_CLASS[line.tone])} aria-hidden />
          <div className="min-w-0">
            <p className="text-sm text-text" data-testid="sync-status" role="status">
              {line.text}
            </p>
            <p className="mt-0.5 truncate text-xs text-muted">
              {status.email} on {status.serverUrl} · {status.deviceName}
            </p>
          </div>
        </div>
        <Button size="sm" variant="primary" icon={RefreshCw} busy={syncing} disabled={!status.signedIn} onClick={() => void runNow()}>
          {syncing ? 'Syncing…' : 'Sync now'}
        </Button>
      </div>
      <div className="px-4 py-3.5">
        <Toggle
          label="Sync in the background"
          description="Every minute and shortly after you change something, while Hearth is unlocked."
          checked={status.background}
          onCheckedChange={(enabled) => void setBackground(enabled)}
        />
      </div>
      <div className="py-2">
        <h3 className="px-4 py-1 text-xs font-medium text-muted">Devices</h3>
        <DevicesList />
      </div>
      <div className="py-2" data-testid="sync-sharing">
        <h3 className="px-4 py-1 text-xs font-medium text-muted">Shared batches register</h3>
        <SharingPanel ownEmail={status.email} />
      </div>
      <div className="py-2">
        <h3 className="px-4 py-1 text-xs font-medium text-muted">Conflicts</h3>
        <ConflictsList />
      </div>
      <div className="flex items-center justify-between gap-6 px-4 py-3.5">
        <div className="min-w-0">
          <div className="text-sm text-text">Sign out of sync</div>
          <p className="mt-0.5 text-xs text-muted">This device stops syncing. Its data stays here; sign in again any time.</p>
        </div>
        <Button
          size="sm"
          icon={LogOut}
          busy={signingOut}
          onClick={() => {
            setSigningOut(true);
            void signOut()
              .catch((err: unknown) => setNotice({ id: Date.now(), tone: 'danger', message: describeError(err) }))
              .finally(() => setSigningOut(false));
          }}
        >
          Sign out
        </Button>
      </div>
      {status.lastError && status.signedIn ? (
        <div className="px-4 pb-3.5">
          <Callout tone="warning">
            <span data-testid="sync-last-error">{status.lastError.message}</span>
          </Callout>
        </div>
      ) : null}
      <Toast notice={notice} onDismiss={dismiss} lingerMs={6000} testId="sync-toast" />
    </>
  );
}
