import { ArchiveRestore, ChevronRight, CloudDownload, Plus } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { formatDate } from '../../lib/dates';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { useProfileStore } from './profile.store';
import { LockedLayout } from './components/LockedLayout';

/** Moves focus between the profile buttons with the arrow keys. */
function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll('button')];
  const index = buttons.findIndex((b) => b === document.activeElement);
  const next = buttons[(index + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
  next?.focus();
  event.preventDefault();
}

/** Choose which profile to unlock, start a new one, restore one from a backup, or join a synced account. */
export function ProfilePicker() {
  const profiles = useProfileStore((s) => s.profiles);
  const choose = useProfileStore((s) => s.choose);
  const startCreate = useProfileStore((s) => s.startCreate);
  const startRestore = useProfileStore((s) => s.startRestore);
  const startJoin = useProfileStore((s) => s.startJoin);

  return (
    <LockedLayout
      title="Choose a profile"
      subtitle="Each profile is a separate encrypted space with its own master password."
      footer={
        <span className="flex flex-wrap justify-center gap-2">
          <Button variant="ghost" size="sm" icon={Plus} onClick={startCreate}>
            New profile
          </Button>
          <Button variant="ghost" size="sm" icon={ArchiveRestore} onClick={startRestore}>
            Restore from backup…
          </Button>
          <Button variant="ghost" size="sm" icon={CloudDownload} onClick={startJoin}>
            Join a synced account…
          </Button>
        </span>
      }
    >
      <ul className="-mx-2 flex flex-col gap-0.5" aria-label="Profiles" onKeyDown={onListKeyDown}>
        {profiles.map((profile, index) => (
          <li key={profile.id}>
            <button
              type="button"
              autoFocus={index === 0}
              onClick={() => choose(profile.id)}
              className="group flex w-full items-center gap-3 rounded-lg px-2 py-2 text-left hover:bg-hover focus-visible:bg-hover"
            >
              <Avatar name={profile.name} />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium text-text">{profile.name}</span>
                <span className="block text-xs text-muted">Created {formatDate(profile.createdAt)}</span>
              </span>
              <ChevronRight className="size-4 text-faint group-hover:text-muted" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </LockedLayout>
  );
}
