import { KeyRound, RefreshCw, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { at, ConflictList } from './ConflictList';
import { inputClass, Labeled } from './controls';
import {
  addCaldavAccount,
  caldavAccounts,
  conflicts,
  removeCaldavAccount,
  resolveConflict,
  syncCaldav,
  type CaldavAccount,
  type Conflict,
} from './editor-data';

/** CalDAV accounts: the list with Sync now and Remove, adding one (its password goes into the vault), and sync conflicts. */
export function CaldavDialog({ onClose }: { onClose(): void }) {
  const [accounts, setAccounts] = useState<CaldavAccount[] | null>(null);
  const [waiting, setWaiting] = useState<Conflict[]>([]);
  const [form, setForm] = useState({ serverUrl: '', username: '', password: '' });
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      Promise.all([caldavAccounts(), conflicts()]).then(([a, c]) => {
        setAccounts(a);
        setWaiting(c);
      }),
    [],
  );
  useEffect(() => {
    let live = true;
    Promise.all([caldavAccounts(), conflicts()]).then(
      ([a, c]) => {
        if (!live) return;
        setAccounts(a);
        setWaiting(c);
      },
      (err: unknown) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  const act = async (what: string, fn: () => Promise<string | void>) => {
    setBusy(what);
    setError(null);
    setNote(null);
    try {
      const said = await fn();
      if (said) setNote(said);
      await load();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  };
  const add = () =>
    act('add', async () => {
      const a = await addCaldavAccount({ serverUrl: form.serverUrl.trim(), username: form.username.trim(), password: form.password });
      // SECURITY: the password leaves the page's state as soon as main has put it in the vault.
      setForm({ serverUrl: '', username: '', password: '' });
      return `Added ${a.username}: ${a.calendars} ${a.calendars === 1 ? 'calendar' : 'calendars'} found.`;
    });

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      size="md"
      title="CalDAV accounts"
      description="Two-way sync with Nextcloud, Fastmail, iCloud and other CalDAV servers."
    >
      <div className="flex flex-col gap-4 text-[13px]" data-testid="cal-caldav">
        {accounts && accounts.length === 0 ? <p className="text-muted">No accounts yet.</p> : null}
        {(accounts ?? []).map((a) => (
          <div key={a.id} className="flex items-start gap-3 rounded-lg border border-line p-3" data-testid="cal-caldav-account">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{a.username}</p>
              <p className="truncate text-xs text-muted">{a.serverUrl}</p>
              <p className="text-xs text-muted">{`${a.calendars} ${a.calendars === 1 ? 'calendar' : 'calendars'} · last sync ${at(a.lastSyncAt)}`}</p>
              {a.lastError ? <p className="text-xs text-danger">{a.lastError}</p> : null}
            </div>
            <Button
              size="sm"
              icon={RefreshCw}
              busy={busy === `sync:${a.id}`}
              onClick={() =>
                void act(`sync:${a.id}`, async () => {
                  const r = await syncCaldav(a.id);
                  return `Synced: ${r.pulled} in, ${r.pushed} out, ${r.deleted} deleted${r.conflicts ? `, ${r.conflicts} conflicts` : ''}.`;
                })
              }
            >
              Sync now
            </Button>
            <Button
              size="sm"
              variant="ghost"
              icon={Trash2}
              aria-label={`Remove ${a.username}`}
              busy={busy === `rm:${a.id}`}
              onClick={() => void act(`rm:${a.id}`, () => removeCaldavAccount(a.id).then(() => 'Removed (the server keeps its events).'))}
            />
          </div>
        ))}
        <ConflictList conflicts={waiting} onKeep={(id, keep) => void act(`c:${id}`, () => resolveConflict(id, keep).then(() => undefined))} />
        <form className="flex flex-col gap-2 border-t border-line pt-3" onSubmit={(e) => (e.preventDefault(), void add())}>
          <h3 className="text-xs font-semibold text-faint uppercase">Add an account</h3>
          <Labeled label="Server URL">
            <input
              type="url"
              className={inputClass}
              aria-label="Server URL"
              placeholder="https://cloud.example.com/remote.php/dav"
              value={form.serverUrl}
              onChange={(e) => setForm({ ...form, serverUrl: e.target.value })}
            />
          </Labeled>
          {/^http:\/\//i.test(form.serverUrl.trim()) ? (
            <Callout tone="warning">
              This address is not encrypted (http://): your password and events would cross the network in clear. Use it only on your own network.
            </Callout>
          ) : null}
          <div className="grid grid-cols-2 gap-2">
            <Labeled label="Username">
              <input
                className={inputClass}
                aria-label="Username"
                autoComplete="off"
                value={form.username}
                onChange={(e) => setForm({ ...form, username: e.target.value })}
              />
            </Labeled>
            <Labeled label="Password">
              <input
                type="password"
                className={inputClass}
                aria-label="Password"
                autoComplete="new-password"
                value={form.password}
                onChange={(e) => setForm({ ...form, password: e.target.value })}
              />
            </Labeled>
          </div>
          <p className="flex items-start gap-1.5 text-xs text-muted">
            <KeyRound className="mt-px size-3.5 shrink-0" aria-hidden /> The password is stored in your vault (encrypted), as a login for this server. Use an
            app password where the server offers one.
          </p>
          <Button
            type="submit"
            size="sm"
            variant="primary"
            className="self-start"
            busy={busy === 'add'}
            disabled={!form.serverUrl.trim() || !form.username.trim() || !form.password}
          >
            Add account
          </Button>
        </form>
        {note ? <Callout>{note}</Callout> : null}
        {error ? <Callout tone="danger">{error}</Callout> : null}
      </div>
      <ModalActions>
        <Button onClick={onClose}>Close</Button>
      </ModalActions>
    </Modal>
  );
}
