import { useEffect } from 'react';
import { Callout } from '../../../ui/Callout';
import { Spinner } from '../../../ui/Spinner';
import { SettingsSection } from '../../settings';
import { useSyncStore } from '../sync.store';
import { AccountForm } from './AccountForm';
import { SyncPanel } from './SyncPanel';
import { SyncSetup } from './SyncSetup';

/** Settings → Sync: set up (not configured), sign in again (signed out), or the status, devices and conflicts. */
export function SyncSection() {
  const status = useSyncStore((s) => s.status);
  const error = useSyncStore((s) => s.error);
  const connect = useSyncStore((s) => s.connect);
  useEffect(() => useSyncStore.getState().start(), []);

  let body;
  if (!status) {
    body = (
      <div className="flex items-center gap-2 px-4 py-3.5 text-[13px] text-muted">
        {error ? (
          <Callout tone="danger">{error}</Callout>
        ) : (
          <>
            <Spinner /> Loading sync status…
          </>
        )}
      </div>
    );
  } else if (!status.configured) {
    body = <SyncSetup />;
  } else if (!status.signedIn) {
    body = (
      <div className="flex flex-col gap-3 px-4 py-3.5">
        <Callout tone="warning">
          <span data-testid="sync-status">
            {status.stopped ? 'This device was signed out of sync (revoked, or its session ended).' : 'This device is signed out of sync.'} Sign in to sync
            again; nothing here was lost.
          </span>
        </Callout>
        <AccountForm
          kind="signIn"
          initial={{ serverUrl: status.serverUrl ?? '', email: status.email ?? '', deviceName: status.deviceName ?? undefined }}
          passwordLabel="This profile’s master password"
          onSubmit={(values) => connect('signIn', values)}
        />
      </div>
    );
  } else {
    body = <SyncPanel status={status} />;
  }

  return <SettingsSection title="Sync">{body}</SettingsSection>;
}
