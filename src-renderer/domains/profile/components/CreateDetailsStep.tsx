import { ArchiveRestore, ArrowLeft, CloudDownload } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { HiddenUsername } from '../../../ui/HiddenUsername';
import { TextField } from '../../../ui/TextField';
import { useProfileStore } from '../profile.store';
import { LockedLayout } from './LockedLayout';
import { NewPasswordFields } from './NewPasswordFields';
import { useNewPassword } from './useNewPassword';

/** Step 1 of creating a profile: its name and master password. */
export function CreateDetailsStep({ onCreated }: { onCreated(recoveryKey: string, profileName: string): void }) {
  const hasProfiles = useProfileStore((s) => s.profiles.length > 0);
  const create = useProfileStore((s) => s.create);
  const cancelCreate = useProfileStore((s) => s.cancelCreate);
  const startRestore = useProfileStore((s) => s.startRestore);
  const startJoin = useProfileStore((s) => s.startJoin);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newPassword = useNewPassword(name.trim() ? [name.trim(), 'hearth'] : ['hearth']);
  const nameProblem = name.trim() ? null : 'Give the profile a name.';
  const problem = nameProblem ?? newPassword.problem;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      const { recoveryKey } = await create(name.trim(), newPassword.password);
      onCreated(recoveryKey, name.trim());
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <LockedLayout
      title={hasProfiles ? 'New profile' : 'Welcome to Hearth'}
      subtitle="A profile keeps your vault, journal and plans in one encrypted file on this computer. Only your master password opens it."
      footer={
        hasProfiles ? (
          <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={cancelCreate}>
            Back to profiles
          </Button>
        ) : (
          <span className="flex flex-wrap justify-center gap-2">
            <Button variant="ghost" size="sm" icon={ArchiveRestore} onClick={startRestore}>
              Restore from backup…
            </Button>
            <Button variant="ghost" size="sm" icon={CloudDownload} onClick={startJoin}>
              Join a synced account…
            </Button>
          </span>
        )
      }
    >
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label="Profile name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Personal"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={80}
        />
        <HiddenUsername value={name} />
        <NewPasswordFields state={newPassword} />
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <Button type="submit" variant="primary" size="lg" busy={busy} disabled={problem !== null} className="mt-1 w-full">
          {busy ? 'Creating profile…' : 'Create profile'}
        </Button>
        {problem && (name || newPassword.password) ? <p className="-mt-1 text-center text-xs text-muted">{problem}</p> : null}
      </form>
    </LockedLayout>
  );
}
