import { useState } from 'react';
import { useProfileStore } from './profile.store';
import { ConfirmKeyStep } from './components/ConfirmKeyStep';
import { CreateDetailsStep } from './components/CreateDetailsStep';
import { RecoveryKeyStep } from './components/RecoveryKeyStep';

type Step = { name: 'details' } | { name: 'key' | 'confirm'; recoveryKey: string; profileName: string };

/**
 * Create a profile in three steps: name and password; the recovery key, shown once; proof that the
 * key was saved (its last group). The key lives only in this component's state.
 */
export function CreateProfileScreen() {
  const [step, setStep] = useState<Step>({ name: 'details' });
  const finishCreate = useProfileStore((s) => s.finishCreate);

  if (step.name === 'details') {
    return <CreateDetailsStep onCreated={(recoveryKey, profileName) => setStep({ name: 'key', recoveryKey, profileName })} />;
  }
  if (step.name === 'key') {
    return <RecoveryKeyStep recoveryKey={step.recoveryKey} profileName={step.profileName} onContinue={() => setStep({ ...step, name: 'confirm' })} />;
  }
  return <ConfirmKeyStep recoveryKey={step.recoveryKey} onBack={() => setStep({ ...step, name: 'key' })} onConfirmed={finishCreate} />;
}
