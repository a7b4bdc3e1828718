/** The sync domain's public surface: Settings → Sync, and the join screen shown while locked. */
export { SyncSection } from './components/SyncSection';
export { JoinScreen } from './components/JoinScreen';
