import { Archive, ChevronRight, ShieldCheck } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import type { BackupInfo } from '../../../../src-shared/domains/backup/backup.schemas';
import { Button } from '../../../ui/Button';
import { formatDateTime } from '../../files';
import { backupSize } from '../backup-format';

interface BackupListProps {
  backups: readonly BackupInfo[];
  /** 'verify': each row has a "Verify…" button. 'choose': each row is a button that picks the backup. */
  mode: 'verify' | 'choose';
  onPick(backup: BackupInfo): void;
  /** Names the profile on each row (a folder can hold the backups of several profiles). */
  showProfile?: boolean;
}

/** Moves focus between the rows' buttons with ↑ / ↓. */
function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-row-action]')];
  const index = buttons.findIndex((b) => b === document.activeElement);
  buttons[(index + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  event.preventDefault();
}

/** The facts of one backup: when, how big, which schema and app version. */
function BackupFacts({ backup, showProfile }: { backup: BackupInfo; showProfile?: boolean }) {
  return (
    <span className="min-w-0 flex-1">
      <span className="block truncate text-sm font-medium text-text">
        {formatDateTime(backup.createdAt)}
        {showProfile ? <span className="font-normal text-muted"> · {backup.profileName}</span> : null}
      </span>
      <span className="block truncate text-xs text-muted">
        {backupSize(backup)} · schema {backup.schemaVersion} · Hearth {backup.appVersion}
      </span>
    </span>
  );
}

/** Backups in a folder, newest first. */
export function BackupList({ backups, mode, onPick, showProfile }: BackupListProps) {
  return (
    <ul className="flex flex-col" aria-label="Backups" onKeyDown={onListKeyDown} data-testid="backup-list">
      {backups.map((backup) => (
        <li key={backup.file} data-testid="backup-row" data-file={backup.file}>
          {mode === 'choose' ? (
            <button
              type="button"
              data-row-action
              onClick={() => onPick(backup)}
              title={backup.file}
              className="group flex w-full items-center gap-3 rounded-lg px-2 py-2 text-left hover:bg-hover focus-visible:bg-hover"
            >
              <Archive className="size-4 shrink-0 text-muted" aria-hidden />
              <BackupFacts backup={backup} showProfile={showProfile} />
              <ChevronRight className="size-4 shrink-0 text-faint group-hover:text-muted" aria-hidden />
            </button>
          ) : (
            <div className="flex items-center gap-3 px-4 py-2.5" title={backup.file}>
              <Archive className="size-4 shrink-0 text-muted" aria-hidden />
              <BackupFacts backup={backup} showProfile={showProfile} />
              <Button
                size="sm"
                variant="ghost"
                icon={ShieldCheck}
                data-row-action
                onClick={() => onPick(backup)}
                aria-label={`Verify the backup of ${formatDateTime(backup.createdAt)}`}
              >
                Verify…
              </Button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
