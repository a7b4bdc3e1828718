/** The backup domain's public surface: Settings → Backups, and the restore screen shown while locked. */
export { BackupSection } from './components/BackupSection';
export { RestoreScreen } from './components/RestoreScreen';
