import type { z } from 'zod';
import { create } from 'zustand';
import type { BackupInfo, BackupProgress, BackupSettings, ConfigureInput, RunResult } from '../../../src-shared/domains/backup/backup.schemas';
import { api } from '../../api/client';
import { describeError } from '../../lib/errors';
import { onSessionReset } from '../../lib/session-reset';
import { listBackups } from './backup-api';

type ConfigurePatch = z.input<typeof ConfigureInput>;

interface BackupState {
  /** The unlocked profile's backup settings; null until loaded. */
  settings: BackupSettings | null;
  /** Backups in the configured folder, newest first; null until listed (or when there is no folder). */
  backups: BackupInfo[] | null;
  listing: boolean;
  listError: string | null;
  /** Why the settings could not be loaded or saved. */
  error: string | null;
  /** The running backup's latest progress (this page's run or the scheduler's); null when none runs. */
  progress: BackupProgress | null;
  running: boolean;

  /** Follows the `progress` event and loads the settings and the list; returns the unsubscribe. */
  start(): () => void;
  load(): Promise<void>;
  refreshList(): Promise<void>;
  /** Saves a change; keeps the error and rethrows when main refuses it. */
  configure(patch: ConfigurePatch): Promise<void>;
  /** Backs up now; resolves with the result (the caller shows it), rethrows a failure after reloading lastError. */
  runNow(): Promise<RunResult>;
}

const initial = { settings: null, backups: null, listing: false, listError: null, error: null, progress: null, running: false } satisfies Partial<BackupState>;

/** Backup settings, the folder's backups and the running backup, for Settings → Backups. */
export const useBackupStore = create<BackupState>()((set, get) => ({
  ...initial,

  start() {
    const off = api.backup.onProgress((p) => {
      const finished = p.phase === 'done' || p.phase === 'failed';
      set({ progress: finished ? null : p });
      // A scheduled run finished while the page was open: show its result.
      if (finished && !get().running) void get().load();
    });
    void get().load();
    return off;
  },

  async load() {
    try {
      const settings = await api.backup.settings();
      set({ settings, error: null });
      await get().refreshList();
    } catch (err) {
      set({ error: describeError(err) });
    }
  },

  async refreshList() {
    if (!get().settings?.folder) {
      set({ backups: null, listError: null, listing: false });
      return;
    }
    set({ listing: true });
    try {
      set({ backups: await listBackups(), listError: null, listing: false });
    } catch (err) {
      set({ backups: null, listError: describeError(err), listing: false });
    }
  },

  async configure(patch) {
    try {
      const settings = await api.backup.configure(patch);
      const folderChanged = settings.folder !== get().settings?.folder;
      set({ settings, error: null });
      if (folderChanged) await get().refreshList();
    } catch (err) {
      set({ error: describeError(err) });
      throw err;
    }
  },

  async runNow() {
    set({ running: true, progress: { phase: 'snapshot', done: 0, total: 0 } });
    try {
      return await api.backup.run();
    } finally {
      set({ running: false, progress: null });
      await get().load();
    }
  },
}));

onSessionReset(() => useBackupStore.setState(initial));
