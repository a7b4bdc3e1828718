import { ArrowLeft } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { matchesLastGroup, recoveryKeyGroups } from '../../../lib/recovery-key';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/TextField';
import { LockedLayout } from './LockedLayout';

/** Step 3: the user types the key's last group to show they saved it. */
export function ConfirmKeyStep({ recoveryKey, onBack, onConfirmed }: { recoveryKey: string; onBack(): void; onConfirmed(): void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const groupCount = recoveryKeyGroups(recoveryKey).length;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (matchesLastGroup(recoveryKey, typed)) onConfirmed();
    else setError('That is not the last group of your key. Check what you saved, or go back to see the key again.');
  };

  return (
    <LockedLayout
      title="Confirm your recovery key"
      subtitle={`Type the last group of your recovery key: the ${groupCount === 8 ? 'eighth' : 'final'} block of four characters.`}
      footer={
        <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={onBack}>
          Show the key again
        </Button>
      }
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
        <TextField
          label="Last group"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value.toUpperCase());
            setError(null);
          }}
          mono
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={9}
          placeholder="XXXX"
          className="text-center text-lg tracking-[0.2em]"
          error={error}
        />
        <Button type="submit" variant="primary" size="lg" className="w-full" disabled={typed.trim().length < 4}>
          Continue to Hearth
        </Button>
      </form>
    </LockedLayout>
  );
}
