import { LogIn, UserPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { PasswordField } from '../../../ui/PasswordField';
import { TextField } from '../../../ui/TextField';
import type { AccountForm as AccountValues } from '../sync.store';

export type AccountFormKind = 'signUp' | 'signIn' | 'join';

const SUBMIT: Record<AccountFormKind, { label: string; busy: string }> = {
  signUp: { label: 'Create sync account', busy: 'Creating account…' },
  signIn: { label: 'Sign in', busy: 'Signing in…' },
  join: { label: 'Join and download', busy: 'Joining…' },
};

/** A device name to start from: the platform in words (people rename it). */
export function defaultDeviceName(): string {
  const p = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  if (/Mac/i.test(p)) return 'Hearth on Mac';
  if (/Windows/i.test(p)) return 'Hearth on Windows';
  if (/Linux/i.test(p)) return 'Hearth on Linux';
  return 'Hearth';
}

/**
 * Server address, email, master password and device name: sign up, sign in, or (with a profile name) join. The
 * password stays in this component's state only until the submit answers.
 */
export function AccountForm({
  kind,
  initial,
  passwordLabel,
  onSubmit,
  withProfileName,
}: {
  kind: AccountFormKind;
  initial?: Partial<AccountValues>;
  passwordLabel: string;
  onSubmit(values: AccountValues & { profileName?: string }): Promise<unknown>;
  withProfileName?: boolean;
}) {
  const [serverUrl, setServerUrl] = useState(initial?.serverUrl ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(initial?.deviceName ?? defaultDeviceName());
  const [profileName, setProfileName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = !serverUrl.trim() || !email.trim() || !password || !deviceName.trim() || (withProfileName && !profileName.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (missing || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        serverUrl: serverUrl.trim(),
        email: email.trim(),
        password,
        deviceName: deviceName.trim(),
        ...(withProfileName ? { profileName: profileName.trim() } : {}),
      });
      setPassword('');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="flex flex-col gap-3" onSubmit={(e) => void submit(e)} noValidate data-testid={`sync-form-${kind}`}>
      <TextField
        label="Server address"
        value={serverUrl}
        onChange={(e) => setServerUrl(e.target.value)}
        placeholder="https://sync.example.org"
        autoComplete="url"
        spellCheck={false}
        inputMode="url"
        maxLength={2048}
        autoFocus
        name="serverUrl"
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="username"
          spellCheck={false}
          maxLength={254}
          name="email"
        />
        <TextField
          label="Device name"
          value={deviceName}
          onChange={(e) => setDeviceName(e.target.value)}
          autoComplete="off"
          maxLength={100}
          name="deviceName"
        />
      </div>
      {withProfileName ? (
        <TextField
          label="Name of the new profile on this device"
          value={profileName}
          onChange={(e) => setProfileName(e.target.value)}
          placeholder="e.g. Personal"
          autoComplete="off"
          maxLength={80}
          name="profileName"
        />
      ) : null}
      <PasswordField
        label={passwordLabel}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="current-password"
        maxLength={1024}
        name="password"
      />
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" icon={kind === 'signUp' ? UserPlus : LogIn} busy={busy} disabled={Boolean(missing)}>
          {busy ? SUBMIT[kind].busy : SUBMIT[kind].label}
        </Button>
      </div>
    </form>
  );
}
