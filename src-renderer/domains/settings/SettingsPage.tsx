import { KeyRound, PenLine, RectangleEllipsis, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { SettingsPatch } from '../../../src-shared/domains/settings/settings.schemas';
import { Button } from '../../ui/Button';
import { Callout } from '../../ui/Callout';
import { Spinner } from '../../ui/Spinner';
import { Toggle } from '../../ui/Toggle';
import { BackupSection } from '../backup';
import { useProfileStore } from '../profile';
import { SyncSection } from '../sync';
import { ChangePasswordDialog } from './components/ChangePasswordDialog';
import { DeleteProfileDialog } from './components/DeleteProfileDialog';
import { NumberSetting } from './components/NumberSetting';
import { RecoveryKeyDialog } from './components/RecoveryKeyDialog';
import { RenameProfileDialog } from './components/RenameProfileDialog';
import { SettingsRow, SettingsSection } from './components/SettingsSection';
import { ThemePicker } from './components/ThemePicker';
import { useSettingsStore } from './settings.store';

type DialogName = 'password' | 'recovery' | 'rename' | 'delete';

/** Security, appearance, backup, sync and profile settings of the unlocked profile. */
export function SettingsPage() {
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.error);
  const update = useSettingsStore((s) => s.update);
  const profileName = useProfileStore((s) => s.current?.name ?? '');
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!settings) {
    return (
      <div className="flex h-full items-center justify-center gap-2 text-[13px] text-muted">
        {loadError ? (
          <Callout tone="danger">{loadError}</Callout>
        ) : (
          <>
            <Spinner /> Loading settings…
          </>
        )}
      </div>
    );
  }

  const save = (patch: SettingsPatch) => update(patch);
  const saveQuietly = (patch: SettingsPatch) => void update(patch).catch(() => undefined);

  return (
    <div className="mx-auto flex max-w-[680px] flex-col gap-8 px-8 py-8">
      {notice ? <Callout>{notice}</Callout> : null}
      {loadError ? <Callout tone="danger">{loadError}</Callout> : null}

      <SettingsSection title="Security">
        <NumberSetting
          label="Lock after inactivity"
          description="Set to 0 to never lock automatically."
          value={settings.autoLockMinutes}
          min={0}
          max={720}
          unit="minutes"
          onCommit={(autoLockMinutes) => save({ autoLockMinutes })}
        />
        <div className="px-4 py-3.5">
          <Toggle label="Lock when the computer sleeps" checked={settings.lockOnSuspend} onCheckedChange={(lockOnSuspend) => saveQuietly({ lockOnSuspend })} />
        </div>
        <div className="px-4 py-3.5">
          <Toggle
            label="Lock when the screen locks"
            checked={settings.lockOnScreenLock}
            onCheckedChange={(lockOnScreenLock) => saveQuietly({ lockOnScreenLock })}
          />
        </div>
        <NumberSetting
          label="Clear copied secrets after"
          description="Only if the clipboard still holds what Hearth copied."
          value={settings.clipboardClearSeconds}
          min={5}
          max={600}
          unit="seconds"
          onCommit={(clipboardClearSeconds) => save({ clipboardClearSeconds })}
        />
      </SettingsSection>

      <SettingsSection title="Appearance">
        <SettingsRow label="Theme" description="System follows your computer’s light or dark mode.">
          <ThemePicker value={settings.theme} onChange={(theme) => saveQuietly({ theme })} />
        </SettingsRow>
      </SettingsSection>

      <BackupSection />

      <SyncSection />

      <SettingsSection title="Profile">
        <SettingsRow label="Name" description={profileName}>
          <Button size="sm" icon={PenLine} onClick={() => setDialog('rename')}>
            Rename…
          </Button>
        </SettingsRow>
        <SettingsRow label="Master password" description="Opens this profile. Hearth cannot reset it for you.">
          <Button size="sm" icon={RectangleEllipsis} onClick={() => setDialog('password')}>
            Change password…
          </Button>
        </SettingsRow>
        <SettingsRow label="Recovery key" description="Unlocks the profile if you forget the password.">
          <Button size="sm" icon={KeyRound} onClick={() => setDialog('recovery')}>
            Create new key…
          </Button>
        </SettingsRow>
        <SettingsRow label="Delete profile" description="Removes this profile and all its data from this computer.">
          <Button size="sm" variant="danger-outline" icon={Trash2} onClick={() => setDialog('delete')}>
            Delete…
          </Button>
        </SettingsRow>
      </SettingsSection>

      {dialog === 'password' ? (
        <ChangePasswordDialog
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            setNotice(message);
          }}
        />
      ) : null}
      {dialog === 'recovery' ? <RecoveryKeyDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'rename' ? <RenameProfileDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'delete' ? <DeleteProfileDialog onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
