import { ArrowLeft } from 'lucide-react';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../src-shared/domains/profile/profile.schemas';
import { Button } from '../../../ui/Button';
import { ConfirmKeyStep, LockedLayout, RecoveryKeyStep, useProfileStore } from '../../profile';
import { joinAccount } from '../sync-api';
import { AccountForm } from './AccountForm';

type Step = { name: 'details' } | { name: 'key' | 'confirm'; profile: ProfileSummary; recoveryKey: string };

/**
 * "Join a synced account…" from the locked screens: server, email, the account's master password, a name for the new
 * profile → Join (a new profile holding the account's data key, unlocked, first sync) → its recovery key, shown once
 * like at creation → the app.
 */
export function JoinScreen() {
  const cancelJoin = useProfileStore((s) => s.cancelRestore);
  const joined = useProfileStore((s) => s.joined);
  const finishCreate = useProfileStore((s) => s.finishCreate);
  const [step, setStep] = useState<Step>({ name: 'details' });

  switch (step.name) {
    case 'details':
      return (
        <LockedLayout
          wide
          title="Join a synced account"
          subtitle="Brings the data of a profile you sync from another device onto this one, as a new profile. Use the account’s master password; everything is decrypted here, not on the server."
          footer={
            <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={cancelJoin}>
              Back to profiles
            </Button>
          }
        >
          <AccountForm
            kind="join"
            withProfileName
            passwordLabel="The account’s master password"
            onSubmit={async ({ profileName, ...values }) => {
              const out = await joinAccount({ ...values, profileName: profileName ?? '' });
              joined(out.profile);
              setStep({ name: 'key', profile: out.profile, recoveryKey: out.recoveryKey });
            }}
          />
        </LockedLayout>
      );
    case 'key':
      return <RecoveryKeyStep recoveryKey={step.recoveryKey} profileName={step.profile.name} onContinue={() => setStep({ ...step, name: 'confirm' })} />;
    case 'confirm':
      return <ConfirmKeyStep recoveryKey={step.recoveryKey} onBack={() => setStep({ ...step, name: 'key' })} onConfirmed={finishCreate} />;
  }
}
