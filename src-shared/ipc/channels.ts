import { appContract } from '../domains/app/app.contract';
import { backupContract } from '../domains/backup/backup.contract';
import { batchesContract } from '../domains/batches/batches.contract';
import { calendarContract } from '../domains/calendar/calendar.contract';
import { blobsContract } from '../domains/blobs/blobs.contract';
import { emailContract } from '../domains/email/email.contract';
import { filesContract } from '../domains/files/files.contract';
import { goalsContract } from '../domains/goals/goals.contract';
import { jobsContract } from '../domains/jobs/jobs.contract';
import { journalContract } from '../domains/journal/journal.contract';
import { profileContract } from '../domains/profile/profile.contract';
import { sessionContract } from '../domains/session/session.contract';
import { settingsContract } from '../domains/settings/settings.contract';
import { syncContract } from '../domains/sync/sync.contract';
import { vaultContract } from '../domains/vault/vault.contract';
import type { BridgeOf, ClientOf, Contract } from './define';

/** The one list of every domain contract. A domain is added here and nowhere else in shared. */
export const appContracts = {
  app: appContract,
  profile: profileContract,
  session: sessionContract,
  settings: settingsContract,
  vault: vaultContract,
  batches: batchesContract,
  blobs: blobsContract,
  jobs: jobsContract,
  journal: journalContract,
  files: filesContract,
  calendar: calendarContract,
  goals: goalsContract,
  email: emailContract,
  backup: backupContract,
  sync: syncContract,
} as const;

export type AppContracts = typeof appContracts;
export type DomainName = keyof AppContracts;
export type AppClient = { [D in DomainName]: ClientOf<AppContracts[D]> };

export const contractList: readonly Contract[] = Object.values(appContracts) as readonly Contract[];

/** The Electron preload's `window.hearth`: one Result-returning function per op, one `onX` per event. */
export type AppBridge = { [D in DomainName]: BridgeOf<AppContracts[D]> };

/** The global name the preload exposes the bridge under (contextBridge.exposeInMainWorld). */
export const BRIDGE_KEY = 'hearth';
