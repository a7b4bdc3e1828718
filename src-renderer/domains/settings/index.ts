/** The settings domain's public surface for other renderer domains (eslint.config.js: domain-boundaries). */
export { useSettingsStore } from './settings.store';
export { RecoveryKeyDialog } from './components/RecoveryKeyDialog';
export { NumberSetting } from './components/NumberSetting';
export { SettingsRow, SettingsSection } from './components/SettingsSection';
