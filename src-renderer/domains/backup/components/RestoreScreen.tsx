import { ArrowLeft, FolderSearch } from 'lucide-react';
import { useState } from 'react';
import type { BackupInfo } from '../../../../src-shared/domains/backup/backup.schemas';
import type { ProfileSummary } from '../../../../src-shared/domains/profile/profile.schemas';
import { Button } from '../../../ui/Button';
import { ConfirmKeyStep, LockedLayout, RecoveryKeyStep, useProfileStore } from '../../profile';
import { listBackups } from '../backup-api';
import { BackupList } from './BackupList';
import { FolderChooser } from './FolderChooser';
import { RestoreDetailsStep } from './RestoreDetailsStep';

type Step = { name: 'source' } | { name: 'details'; backup: BackupInfo } | { name: 'key' | 'confirm'; profile: ProfileSummary; recoveryKey: string };

/** Step 1: the folder (picked or typed) and its backups, newest first. */
function SourceStep({
  folder,
  backups,
  onFolder,
  onPick,
}: {
  folder: string | null;
  backups: BackupInfo[] | null;
  onFolder(folder: string): Promise<void>;
  onPick(backup: BackupInfo): void;
}) {
  const cancelRestore = useProfileStore((s) => s.cancelRestore);
  const profileCount = new Set((backups ?? []).map((b) => b.profileId)).size;
  return (
    <LockedLayout
      wide
      title="Restore from backup"
      subtitle="Choose the folder that holds your Hearth backups, then the backup to restore. It becomes a new profile; nothing on this computer is replaced."
      footer={
        <Button variant="ghost" size="sm" icon={ArrowLeft} onClick={cancelRestore}>
          Back to profiles
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        <FolderChooser label="Backup folder" folder={folder} emptyText="The folder you chose in Settings → Backups." onChoose={onFolder} />
        {backups === null ? null : backups.length === 0 ? (
          <p className="flex items-start gap-2 rounded-lg bg-subtle px-3 py-3 text-[13px] text-muted" data-testid="backup-list-empty">
            <FolderSearch className="mt-0.5 size-4 shrink-0" aria-hidden />
            No Hearth backups in this folder. Choose the folder you set in Settings → Backups (it holds a hearth-backups folder).
          </p>
        ) : (
          <div className="-mx-2">
            <BackupList backups={backups} mode="choose" onPick={onPick} showProfile={profileCount > 1} />
          </div>
        )}
      </div>
    </LockedLayout>
  );
}

/**
 * Restore from the locked screens: folder → backup → password or recovery key (+ new password) → name → Restore →
 * the new recovery key, shown once like at creation → the new profile's unlock screen.
 */
export function RestoreScreen() {
  const finishRestore = useProfileStore((s) => s.finishRestore);
  const [step, setStep] = useState<Step>({ name: 'source' });
  const [folder, setFolder] = useState<string | null>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);

  const openFolder = async (chosen: string) => {
    const found = await listBackups(chosen);
    setFolder(chosen);
    setBackups(found);
  };

  switch (step.name) {
    case 'source':
      return <SourceStep folder={folder} backups={backups} onFolder={openFolder} onPick={(backup) => setStep({ name: 'details', backup })} />;
    case 'details':
      return (
        <RestoreDetailsStep
          backup={step.backup}
          onBack={() => setStep({ name: 'source' })}
          onRestored={(profile, recoveryKey) => setStep({ name: 'key', profile, recoveryKey })}
        />
      );
    case 'key':
      return <RecoveryKeyStep recoveryKey={step.recoveryKey} profileName={step.profile.name} onContinue={() => setStep({ ...step, name: 'confirm' })} />;
    case 'confirm':
      return <ConfirmKeyStep recoveryKey={step.recoveryKey} onBack={() => setStep({ ...step, name: 'key' })} onConfirmed={() => finishRestore(step.profile)} />;
  }
}
