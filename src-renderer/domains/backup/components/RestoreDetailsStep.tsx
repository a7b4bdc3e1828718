import { ArrowLeft, ArchiveRestore } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { BackupInfo } from '../../../../src-shared/domains/backup/backup.schemas';
import type { ProfileSummary } from '../../../../src-shared/domains/profile/profile.schemas';
import { errorCode, type SecretKind } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { TextField } from '../../../ui/TextField';
import { formatDateTime } from '../../files';
import { LockedLayout, NewPasswordFields, useNewPassword } from '../../profile';
import { restoreBackup } from '../backup-api';
import { backupSize, describeBackupError, restoredName } from '../backup-format';
import { secretOf, SecretInput } from './SecretInput';

interface RestoreDetailsStepProps {
  backup: BackupInfo;
  onBack(): void;
  onRestored(profile: ProfileSummary, recoveryKey: string): void;
}

/**
 * The chosen backup: its password or recovery key (then a new master password, since the key alone cannot be the
 * new profile's password), the new profile's name, and Restore. A restore always makes a new profile.
 */
export function RestoreDetailsStep({ backup, onBack, onRestored }: RestoreDetailsStepProps) {
  const [kind, setKind] = useState<SecretKind>('password');
  const [secret, setSecret] = useState('');
  const [name, setName] = useState(restoredName(backup.profileName));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secretError, setSecretError] = useState<string | null>(null);
  const newPassword = useNewPassword([backup.profileName, name, 'hearth']);
  const problem = !secret
    ? kind === 'password'
      ? 'Enter the password of the backup.'
      : 'Enter the recovery key of the backup.'
    : !name.trim()
      ? 'Give the new profile a name.'
      : kind === 'recovery-key'
        ? newPassword.problem
        : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    setSecretError(null);
    try {
      const out = await restoreBackup({
        file: backup.file,
        secret: secretOf(kind, secret),
        name: name.trim(),
        ...(kind === 'recovery-key' ? { newPassword: newPassword.password } : {}),
      });
      onRestored(out.profile, out.recoveryKey);
    } catch (err) {
      const message = describeBackupError(err, kind);
      if (errorCode(err) === 'WRONG_PASSWORD') setSecretError(message);
      else setError(message);
      setBusy(false);
    }
  };

  return (
    <LockedLayout
      title={`Restore ${backup.profileName}`}
      subtitle={`Backup of ${formatDateTime(backup.createdAt)} · ${backupSize(backup)}. Restoring makes a new profile; nothing on this computer is replaced.`}
      footer={
        <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={onBack} disabled={busy}>
          Choose another backup
        </Button>
      }
    >
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="restore-form">
        <SecretInput
          kind={kind}
          onKindChange={(k) => {
            setKind(k);
            setSecret('');
            setSecretError(null);
          }}
          value={secret}
          onChange={(v) => {
            setSecret(v);
            setSecretError(null);
          }}
          error={secretError}
          disabled={busy}
          autoFocus
        />
        {kind === 'recovery-key' ? <NewPasswordFields state={newPassword} label="New master password" /> : null}
        <TextField
          label="Name of the new profile"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          disabled={busy}
        />
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <Button type="submit" variant="primary" size="lg" icon={ArchiveRestore} busy={busy} disabled={problem !== null} className="mt-1 w-full">
          {busy ? 'Restoring…' : 'Restore'}
        </Button>
        {problem && secret ? <p className="-mt-1 text-center text-xs text-muted">{problem}</p> : null}
      </form>
    </LockedLayout>
  );
}
