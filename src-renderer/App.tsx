import { useEffect } from 'react';
import { AppShell } from './app/AppShell';
import { useTheme } from './app/useTheme';
import { RestoreScreen } from './domains/backup';
import { JoinScreen } from './domains/sync';
import { CreateProfileScreen } from './domains/profile/CreateProfileScreen';
import { ProfilePicker } from './domains/profile/ProfilePicker';
import { useProfileStore } from './domains/profile/profile.store';
import { SetNewPasswordScreen } from './domains/profile/SetNewPasswordScreen';
import { UnlockScreen } from './domains/profile/UnlockScreen';
import { Callout } from './ui/Callout';
import { Spinner } from './ui/Spinner';

function StartError({ message }: { message: string }) {
  return (
    <main className="flex h-full items-center justify-center bg-canvas p-8">
      <div className="max-w-md">
        <h1 className="mb-3 text-base font-semibold text-text">Hearth cannot start</h1>
        <Callout tone="danger">{message}</Callout>
      </div>
    </main>
  );
}

/** Chooses the screen: loading, profile picker, create, restore, join, unlock, or the unlocked app shell. */
export function App() {
  const view = useProfileStore((s) => s.view);
  const startError = useProfileStore((s) => s.startError);
  useTheme();

  useEffect(() => useProfileStore.getState().start(), []);

  // A lock event can be missed while the page is hidden or the event stream reconnects.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void useProfileStore.getState().checkStatus();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  switch (view) {
    case 'loading':
      return (
        <main className="flex h-full items-center justify-center bg-canvas text-muted" aria-busy="true">
          <Spinner className="size-5" />
          <span className="sr-only">Starting Hearth…</span>
        </main>
      );
    case 'unavailable':
      return <StartError message={startError ?? 'Hearth is not reachable.'} />;
    case 'picker':
      return <ProfilePicker />;
    case 'create':
      return <CreateProfileScreen />;
    case 'restore':
      return <RestoreScreen />;
    case 'join':
      return <JoinScreen />;
    case 'unlock':
      return <UnlockScreen />;
    case 'set-password':
      return <SetNewPasswordScreen />;
    case 'app':
      return <AppShell />;
  }
}
