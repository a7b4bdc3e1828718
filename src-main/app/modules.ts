import { appContracts, type AppContracts, type DomainName } from '../../src-shared/ipc/channels';
import { backupCommands } from '../domains/backup/backup.cli';
import { calendarCommands } from '../domains/calendar/calendar.cli';
import { batchesCommands } from '../domains/batches/batches.cli';
import { emailCommands } from '../domains/email/email.cli';
import { filesCommands } from '../domains/files/files.cli';
import { goalsCommands } from '../domains/goals/goals.cli';
import { journalCommands } from '../domains/journal/journal.cli';
import { sharingCommands } from '../domains/sync/sync-sharing.cli';
import { syncCommands } from '../domains/sync/sync.cli';
import { vaultCommands } from '../domains/vault/vault.cli';
import { defineModule, type HearthModule } from '../platform/module';
import { profileCommands } from '../profile/profile.cli';

/**
 * THE list of modules (docs/architecture.md#modules): bootstrap, the CLI and the tests loop over it, and
 * nothing else in the core names a domain. Each entry's contract comes from the shared list
 * (src-shared/ipc/channels.ts, which the preload and renderer read), and the type below makes a contract
 * without a module, or a module without a contract, a compile error. A domain's code is imported on first
 * use (`load`), so `hearth profile list` never loads the vault.
 */
export const appModules: { readonly [D in DomainName]: HearthModule<AppContracts[D]> } = {
  app: defineModule({ contract: appContracts.app, load: async () => (await import('../domains/app/app.module')).createAppModule }),
  profile: defineModule({
    contract: appContracts.profile,
    commands: profileCommands,
    load: async () => (await import('../profile/profile.module')).createProfileModule,
  }),
  session: defineModule({ contract: appContracts.session, load: async () => (await import('../profile/profile.module')).createSessionModule }),
  settings: defineModule({ contract: appContracts.settings, load: async () => (await import('../domains/settings/settings.module')).createSettingsModule }),
  vault: defineModule({
    contract: appContracts.vault,
    changedTables: ['vault_items'],
    commands: vaultCommands,
    load: async () => (await import('../domains/vault/vault.module')).createVaultModule,
  }),
  batches: defineModule({
    contract: appContracts.batches,
    changedTables: ['batches'],
    commands: batchesCommands,
    load: async () => (await import('../domains/batches/batches.module')).createBatchesModule,
  }),
  journal: defineModule({
    contract: appContracts.journal,
    changedTables: ['journals', 'journal_entries', 'journal_attachments', 'journal_templates'],
    commands: journalCommands,
    load: async () => (await import('../domains/journal/journal.module')).createJournalModule,
  }),
  files: defineModule({
    contract: appContracts.files,
    changedTables: ['files', 'file_folders', 'file_links'],
    commands: filesCommands,
    load: async () => (await import('../domains/files/files.module')).createFilesModule,
  }),
  calendar: defineModule({
    contract: appContracts.calendar,
    changedTables: ['calendars', 'calendar_events', 'caldav_accounts', 'calendar_conflicts'],
    commands: calendarCommands,
    load: async () => (await import('../domains/calendar/calendar.module')).createCalendarModule,
  }),
  goals: defineModule({
    contract: appContracts.goals,
    changedTables: ['pdps', 'goals', 'key_results', 'goal_evidence', 'task_projects', 'tasks', 'habits', 'habit_checkins', 'task_filters'],
    commands: goalsCommands,
    load: async () => (await import('../domains/goals/goals.module')).createGoalsModule,
  }),
  email: defineModule({
    contract: appContracts.email,
    changedTables: ['email_folders', 'email_messages', 'email_accounts'],
    commands: emailCommands,
    load: async () => (await import('../domains/email/email.module')).createEmailModule,
  }),
  backup: defineModule({
    contract: appContracts.backup,
    commands: backupCommands,
    load: async () => (await import('../domains/backup/backup.module')).createBackupModule,
  }),
  sync: defineModule({
    contract: appContracts.sync,
    commands: [...syncCommands, ...sharingCommands],
    load: async () => (await import('../domains/sync/sync.module')).createSyncModule,
  }),
  blobs: defineModule({ contract: appContracts.blobs, load: async () => (await import('../blobs/blobs.module')).blobsModuleWith((ctx) => ctx.host.blobs()) }),
  jobs: defineModule({ contract: appContracts.jobs, load: async () => (await import('../platform/jobs/jobs.module')).createJobsModule }),
};

/** The modules in order, as the core takes them. */
export const moduleList = (modules: Record<string, HearthModule> = appModules): readonly HearthModule[] => Object.values(modules);
