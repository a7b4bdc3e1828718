import { Suspense, useEffect } from 'react';
// The toasts file alone (not the editor's index): the quick-add parser and dialogs stay in the calendar's lazy chunk.
import { ReminderToasts } from '../domains/calendar/editor/ReminderToasts';
import { useProfileStore } from '../domains/profile/profile.store';
import { SettingsPage } from '../domains/settings/SettingsPage';
import { useSettingsStore } from '../domains/settings/settings.store';
import { Spinner } from '../ui/Spinner';
import { AutoLockToast } from './AutoLockToast';
import { ComingSoon } from './ComingSoon';
import { ErrorBoundary } from './ErrorBoundary';
import { JobsTray } from './JobsTray';
import { moduleById } from './modules';
import { useNavigationStore } from './navigation.store';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useShellShortcuts } from './useShellShortcuts';

function PageLoading() {
  return (
    <div className="flex h-full items-center justify-center gap-2 text-[13px] text-muted">
      <Spinner /> Loading…
    </div>
  );
}

/** The unlocked app: sidebar, top bar, the current module (or Settings), the auto-lock notice. */
export function AppShell() {
  const profileName = useProfileStore((s) => s.current?.name ?? '');
  const lock = useProfileStore((s) => s.lock);
  const loadSettings = useSettingsStore((s) => s.load);
  const view = useNavigationStore((s) => s.view);
  const go = useNavigationStore((s) => s.go);
  const toggleSettings = useNavigationStore((s) => s.toggleSettings);
  const help = useNavigationStore((s) => s.help);
  const setHelp = useNavigationStore((s) => s.setHelp);
  useShellShortcuts();

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  const module = view === 'settings' ? null : moduleById(view);
  const Page = module?.page;

  return (
    <div className="flex h-full overflow-hidden">
      <Sidebar current={view} onNavigate={go} onHelp={() => setHelp(true)} />
      <div className="flex min-w-0 flex-1 flex-col bg-surface">
        <TopBar
          title={module ? module.label : 'Settings'}
          profileName={profileName}
          settingsOpen={view === 'settings'}
          onSettings={toggleSettings}
          onLock={() => void lock()}
        />
        <main className="min-h-0 flex-1 overflow-y-auto" aria-label={module ? module.label : 'Settings'}>
          <ErrorBoundary key={view}>
            <Suspense fallback={<PageLoading />}>{module ? Page ? <Page /> : <ComingSoon module={module} /> : <SettingsPage />}</Suspense>
          </ErrorBoundary>
        </main>
        <JobsTray />
      </div>
      <AutoLockToast />
      <ReminderToasts />
      <ShortcutsHelp open={help} onOpenChange={setHelp} />
    </div>
  );
}
