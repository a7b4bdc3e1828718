import { Lock, Settings } from 'lucide-react';
import { shortcutLabel, shortcutPairLabel } from '../lib/shortcuts';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { Tooltip } from '../ui/Tooltip';

interface TopBarProps {
  title: string;
  profileName: string;
  settingsOpen: boolean;
  onSettings(): void;
  onLock(): void;
}

/** Page title on the left; the profile, Settings and Lock on the right. */
export function TopBar({ title, profileName, settingsOpen, onSettings, onLock }: TopBarProps) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-line bg-surface px-5">
      <h1 className="flex-1 truncate text-[15px] font-semibold tracking-tight text-text">{title}</h1>
      <div className="flex items-center gap-2 pr-1 text-[13px] text-muted" data-testid="profile-name">
        <Avatar name={profileName} size="sm" />
        <span className="max-w-[180px] truncate">{profileName}</span>
      </div>
      <span className="h-5 w-px bg-line" aria-hidden />
      <Tooltip label="Settings" shortcut={shortcutLabel(',')}>
        <button
          type="button"
          aria-label="Settings"
          aria-pressed={settingsOpen}
          onClick={onSettings}
          className={cx(
            'flex size-8 items-center justify-center rounded-md transition-colors hover:bg-hover hover:text-text',
            settingsOpen ? 'bg-hover text-text' : 'text-muted',
          )}
        >
          <Settings className="size-4" aria-hidden />
        </button>
      </Tooltip>
      <Tooltip label="Lock Hearth" shortcut={shortcutPairLabel(shortcutLabel('L'), 'L')}>
        <Button size="sm" icon={Lock} onClick={onLock} aria-keyshortcuts="Control+L Alt+L">
          Lock
        </Button>
      </Tooltip>
    </header>
  );
}
