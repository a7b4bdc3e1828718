/** The profile domain's public surface for other renderer domains (eslint.config.js: domain-boundaries). */
export { useProfileStore } from './profile.store';
export { RecoveryKeyDisplay } from './components/RecoveryKeyDisplay';
export { NewPasswordFields } from './components/NewPasswordFields';
export { useNewPassword } from './components/useNewPassword';
export { LockedLayout } from './components/LockedLayout';
export { RecoveryKeyStep } from './components/RecoveryKeyStep';
export { ConfirmKeyStep } from './components/ConfirmKeyStep';
