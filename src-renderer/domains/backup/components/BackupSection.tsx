import { FolderSearch, HardDriveDownload, RefreshCw } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupKeep, BackupSchedule } from '../../../../src-shared/domains/backup/backup.schemas';
import { BACKUP_LIMITS } from '../../../../src-shared/domains/backup/backup.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { ChoiceList } from '../../../ui/ChoiceList';
import { Spinner } from '../../../ui/Spinner';
import { Toast, type ToastNotice } from '../../../ui/Toast';
import { formatDateTime } from '../../files';
import { NumberSetting, SettingsSection } from '../../settings';
import { runSummary } from '../backup-format';
import { useBackupStore } from '../backup.store';
import { BackupList } from './BackupList';
import { BackupProgressBar } from './BackupProgressBar';
import { FolderChooser } from './FolderChooser';
import { VerifyDialog } from './VerifyDialog';

const SCHEDULES: readonly { value: BackupSchedule; label: string; hint: string }[] = [
  { value: 'off', label: 'Off', hint: 'Only when you click Back up now' },
  { value: 'daily', label: 'Daily', hint: 'Once a day while unlocked' },
  { value: 'weekly', label: 'Weekly', hint: 'Once a week while unlocked' },
];

const KEEP_ROWS: readonly { key: keyof BackupKeep; label: string; unit: string }[] = [
  { key: 'daily', label: 'Daily backups to keep', unit: 'days' },
  { key: 'weekly', label: 'Weekly backups to keep', unit: 'weeks' },
  { key: 'monthly', label: 'Monthly backups to keep', unit: 'months' },
];

/** The folder's backups: loading, error, empty (says what to do) or the list with "Verify…". */
function FolderBackups({ onVerify }: { onVerify(backup: BackupInfo): void }) {
  const backups = useBackupStore((s) => s.backups);
  const listing = useBackupStore((s) => s.listing);
  const listError = useBackupStore((s) => s.listError);
  const refreshList = useBackupStore((s) => s.refreshList);
  const profileIds = new Set((backups ?? []).map((b) => b.profileId));

  return (
    <div className="py-2">
      <div className="flex items-center justify-between gap-3 px-4 py-1">
        <h3 className="text-xs font-medium text-muted">In this folder</h3>
        <Button size="sm" variant="ghost" icon={RefreshCw} busy={listing} onClick={() => void refreshList()} aria-label="Refresh the list of backups" />
      </div>
      {listError ? (
        <Callout tone="danger" className="mx-4 my-2">
          {listError}
        </Callout>
      ) : backups === null ? (
        <p className="flex items-center gap-2 px-4 py-3 text-[13px] text-muted">
          <Spinner /> Looking for backups…
        </p>
      ) : backups.length === 0 ? (
        <p className="flex items-center gap-2 px-4 py-3 text-[13px] text-muted" data-testid="backup-list-empty">
          <FolderSearch className="size-4 shrink-0" aria-hidden />
          No backups in this folder yet. Click Back up now to make the first one.
        </p>
      ) : (
        <>
          <BackupList backups={backups} mode="verify" onPick={onVerify} showProfile={profileIds.size > 1} />
          <p className="px-4 pt-1 pb-2 text-xs text-muted">
            To restore one, lock Hearth and choose Restore from backup… on the profile screen. It becomes a new profile.
          </p>
        </>
      )}
    </div>
  );
}

/** Settings → Backups: folder, schedule, rotation, the last result, "Back up now" with progress, and the folder's backups. */
export function BackupSection() {
  const settings = useBackupStore((s) => s.settings);
  const error = useBackupStore((s) => s.error);
  const progress = useBackupStore((s) => s.progress);
  const running = useBackupStore((s) => s.running);
  const configure = useBackupStore((s) => s.configure);
  const runNow = useBackupStore((s) => s.runNow);
  const [notice, setNotice] = useState<ToastNotice | null>(null);
  const [verifying, setVerifying] = useState<BackupInfo | null>(null);
  const dismiss = useCallback(() => setNotice(null), []);

  useEffect(() => useBackupStore.getState().start(), []);

  const backUpNow = async () => {
    try {
      const result = await runNow();
      setNotice({ id: Date.now(), tone: 'success', message: runSummary(result) });
    } catch (err) {
      setNotice({ id: Date.now(), tone: 'danger', message: `The backup failed: ${describeError(err)}` });
    }
  };

  if (!settings) {
    return (
      <SettingsSection title="Backups">
        <div className="flex items-center gap-2 px-4 py-3.5 text-[13px] text-muted">
          {error ? (
            <Callout tone="danger">{error}</Callout>
          ) : (
            <>
              <Spinner /> Loading backup settings…
            </>
          )}
        </div>
      </SettingsSection>
    );
  }

  return (
    <>
      <SettingsSection title="Backups">
        <div className="px-4 py-3.5">
          <FolderChooser
            label="Backup folder"
            folder={settings.folder}
            emptyText="No folder yet. Choose a USB stick or a synced folder: backups are encrypted."
            onChoose={(folder) => configure({ folder })}
          />
        </div>
        <div className="px-4 py-3.5">
          <div className="text-sm text-text">Schedule</div>
          <ChoiceList
            name="backup-schedule"
            legend="Schedule"
            className="mt-2 grid grid-cols-1 gap-1 text-[13px] sm:grid-cols-3"
            choices={SCHEDULES}
            value={settings.schedule}
            onChange={(schedule) => void configure({ schedule }).catch(() => undefined)}
            testId={(value) => `backup-schedule-${value}`}
          />
        </div>
        {KEEP_ROWS.map((row) => (
          <NumberSetting
            key={row.key}
            label={row.label}
            description={row.key === 'daily' ? 'The newest backup of each day, week and month is kept; older ones are removed.' : undefined}
            value={settings.keep[row.key]}
            min={0}
            max={BACKUP_LIMITS.keepMax}
            unit={row.unit}
            onCommit={(n) => configure({ keep: { ...settings.keep, [row.key]: n } })}
          />
        ))}
        <div className="flex flex-col gap-3 px-4 py-3.5">
          <div className="flex items-center justify-between gap-6">
            <div className="min-w-0">
              <div className="text-sm text-text">Last backup</div>
              <p className="mt-0.5 text-xs text-muted" data-testid="backup-last">
                {settings.lastBackupAt ? formatDateTime(settings.lastBackupAt) : 'Never'}
                {settings.nextDueAt ? ` · next ${formatDateTime(settings.nextDueAt)}` : ''}
              </p>
            </div>
            <Button
              size="sm"
              variant="primary"
              icon={HardDriveDownload}
              busy={running}
              disabled={!settings.folder || progress !== null}
              onClick={() => void backUpNow()}
              title={settings.folder ? undefined : 'Choose a backup folder first'}
            >
              {running ? 'Backing up…' : 'Back up now'}
            </Button>
          </div>
          {progress ? <BackupProgressBar progress={progress} /> : null}
          {settings.lastError ? (
            <Callout tone="danger">
              <span data-testid="backup-last-error">The last backup failed: {settings.lastError}</span>
            </Callout>
          ) : null}
          {error ? <Callout tone="danger">{error}</Callout> : null}
        </div>
        {settings.folder ? <FolderBackups onVerify={setVerifying} /> : null}
      </SettingsSection>
      {verifying ? <VerifyDialog backup={verifying} onClose={() => setVerifying(null)} /> : null}
      <Toast notice={notice} onDismiss={dismiss} lingerMs={8000} testId="backup-toast" />
    </>
  );
}
