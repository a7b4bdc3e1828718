import { ArrowRight } from 'lucide-react';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { LockedLayout } from './LockedLayout';
import { RecoveryKeyDisplay } from './RecoveryKeyDisplay';

/** Step 2: the recovery key, shown this once. */
export function RecoveryKeyStep({ recoveryKey, profileName, onContinue }: { recoveryKey: string; profileName: string; onContinue(): void }) {
  return (
    <LockedLayout
      wide
      title="Save your recovery key"
      subtitle="This key unlocks your profile if you ever forget the master password. Hearth shows it only now, so write it down or save it somewhere safe, away from this computer."
    >
      <div className="flex flex-col gap-5">
        <RecoveryKeyDisplay recoveryKey={recoveryKey} profileName={profileName} />
        <Callout tone="warning">
          <strong className="font-semibold">If you lose both your password and this key, your data cannot be recovered.</strong> Nobody, including the makers of
          Hearth, can open it for you.
        </Callout>
        <Button variant="primary" size="lg" icon={ArrowRight} className="w-full flex-row-reverse" onClick={onContinue} autoFocus>
          I have saved it
        </Button>
      </div>
    </LockedLayout>
  );
}
