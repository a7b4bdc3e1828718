import { RefreshCw, Server, Trash2 } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Account } from '../../../../src-shared/domains/email/email.schemas';
import { describeError } from '../../../lib/errors';
import { formatDate } from '../../../lib/dates';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { TextField } from '../../../ui/TextField';
import { emailApi, type Output } from '../email-api';
import { plural } from '../email-format';

type Security = Account['security'];
const PORTS: Record<Security, number> = { tls: 993, starttls: 143, none: 143 };

const syncLine = (r: Output<'accountSync'>): string =>
  `${plural(r.fetched, 'new message')}${r.duplicates ? `, ${plural(r.duplicates, 'duplicate')}` : ''} from ${plural(r.folders.length, 'folder')}.`;

/**
 * IMAP accounts: add one (host, port, security, user, password kept in the vault, folders) and fetch its mail;
 * Sync again later fetches only what is new. Hearth only reads: nothing on the server is deleted or flagged.
 */
export function ImapDialog({ onClose }: { onClose(): void }) {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [host, setHost] = useState('');
  const [port, setPort] = useState('993');
  const [security, setSecurity] = useState<Security>('tls');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [folders, setFolders] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const securityId = useId();

  const reload = () => emailApi.accountList().then(setAccounts, (err: unknown) => setError(describeError(err)));
  useEffect(() => void reload(), []);

  async function act(key: string, fn: () => Promise<string>) {
    setBusy(key);
    setError(null);
    setDone(null);
    try {
      setDone(await fn());
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
      void reload();
    }
  }

  const add = (e: FormEvent) => {
    e.preventDefault();
    void act('add', async () => {
      const list = folders
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      const account = await emailApi.accountAdd({
        host: host.trim(),
        port: Number(port),
        security,
        username: username.trim(),
        password,
        ...(list.length ? { folders: list } : {}),
      });
      setPassword('');
      return `Added ${account.username}. ${syncLine(await emailApi.accountSync({ id: account.id }))}`;
    });
  };

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      size="md"
      title="IMAP accounts"
      description="Archive a mail account. Hearth only reads: nothing on the server is deleted, moved or marked."
    >
      <div className="flex flex-col gap-3 text-[13px]">
        {accounts?.length ? (
          <ul className="flex flex-col divide-y divide-line rounded-md border border-line" data-testid="mail-accounts">
            {accounts.map((a) => (
              <li key={a.id} className="flex min-w-0 items-center gap-2 px-2 py-1.5">
                <Server className="size-4 shrink-0 text-faint" aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-text">{`${a.username} · ${a.host}`}</span>
                  <span className="block truncate text-xs text-faint">
                    {a.lastSyncAt ? `Last fetched ${formatDate(a.lastSyncAt)}` : 'Not fetched yet'}
                    {a.folders.length ? ` · ${a.folders.join(', ')}` : ' · all folders'}
                  </span>
                </span>
                <Button
                  size="sm"
                  icon={RefreshCw}
                  busy={busy === `sync:${a.id}`}
                  onClick={() => void act(`sync:${a.id}`, async () => syncLine(await emailApi.accountSync({ id: a.id })))}
                >
                  Sync
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  icon={Trash2}
                  aria-label={`Forget ${a.username}`}
                  title="Forget the account (its archived mail stays)"
                  busy={busy === `rm:${a.id}`}
                  onClick={() =>
                    void act(`rm:${a.id}`, async () => `Forgot ${(await emailApi.accountRemove({ id: a.id })).username}; its mail stays in the archive.`)
                  }
                />
              </li>
            ))}
          </ul>
        ) : null}
        <form id="imap-add" onSubmit={add} className="grid grid-cols-[1fr_auto] gap-3">
          <TextField label="Server" value={host} onChange={(e) => setHost(e.target.value)} placeholder="imap.example.org" required autoComplete="off" />
          <TextField
            label="Port"
            value={port}
            onChange={(e) => setPort(e.target.value.replace(/\D/g, '').slice(0, 5))}
            inputMode="numeric"
            className="w-20"
            required
          />
          <div className="col-span-2 flex flex-col gap-1.5">
            <label htmlFor={securityId} className="text-[13px] font-medium text-text">
              Security
            </label>
            <select
              id={securityId}
              className="field-input"
              value={security}
              onChange={(e) => {
                const next = e.target.value as Security;
                setSecurity(next);
                setPort(String(PORTS[next]));
              }}
            >
              <option value="tls">TLS (port 993)</option>
              <option value="starttls">STARTTLS (port 143)</option>
              <option value="none">None: unencrypted, for a server on this computer only</option>
            </select>
          </div>
          <div className="col-span-2">
            <TextField label="User name" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" required />
          </div>
          <div className="col-span-2">
            <PasswordField
              label="Password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              hint="Kept in the vault as a login."
              autoComplete="new-password"
              required
            />
          </div>
          <div className="col-span-2">
            <TextField
              label="Folders"
              value={folders}
              onChange={(e) => setFolders(e.target.value)}
              placeholder="INBOX, Archive"
              hint="Comma-separated. Empty: every folder."
            />
          </div>
        </form>
        {done ? <Callout>{done}</Callout> : null}
        {error ? <Callout tone="danger">{error}</Callout> : null}
      </div>
      <ModalActions>
        <Button onClick={onClose}>Close</Button>
        <Button type="submit" form="imap-add" variant="primary" busy={busy === 'add'} disabled={!host.trim() || !username.trim() || !password || !Number(port)}>
          Add and fetch
        </Button>
      </ModalActions>
    </Modal>
  );
}
