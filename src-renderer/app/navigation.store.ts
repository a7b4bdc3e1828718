import { create } from 'zustand';
import { onSessionReset } from '../lib/session-reset';
import { MODULES, type ModuleId } from './modules';

/** What the main area of the shell shows. */
export type ShellView = ModuleId | 'settings';

interface NavigationState {
  view: ShellView;
  /** The module to return to when Settings closes. */
  lastModule: ModuleId;
  go(view: ShellView): void;
  /** Opens Settings, or closes it back to the last module. */
  toggleSettings(): void;
  /** The keyboard shortcuts dialog. */
  help: boolean;
  setHelp(open: boolean): void;
}

const first: ModuleId = MODULES[0].id;

/** UI-only state: the current page of the app shell. Not persisted. */
export const useNavigationStore = create<NavigationState>()((set, get) => ({
  view: first,
  lastModule: first,
  go: (view) => set(view === 'settings' ? { view } : { view, lastModule: view }),
  toggleSettings: () => get().go(get().view === 'settings' ? get().lastModule : 'settings'),
  help: false,
  setHelp: (help) => set({ help }),
}));

onSessionReset(() => useNavigationStore.setState({ view: first, lastModule: first, help: false }));
