/** The profile domain's shared surface for other shared domains (eslint.config.js: domain-boundaries). */
export { ProfileSummary } from './profile.schemas';
