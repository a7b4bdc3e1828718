import { z } from 'zod';

export const Theme = z.enum(['system', 'light', 'dark']);

const fields = {
  /** Minutes of inactivity before the profile locks; 0 turns idle lock off. */
  autoLockMinutes: z.number().int().min(0).max(720),
  lockOnSuspend: z.boolean(),
  lockOnScreenLock: z.boolean(),
  /** Seconds before a copied secret is cleared from the clipboard (if it is still ours). */
  clipboardClearSeconds: z.number().int().min(5).max(600),
  theme: Theme,
};

/** Every setting. Stored per profile in the encrypted database; missing ones take DEFAULT_SETTINGS. */
export const Settings = z.strictObject(fields);
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 10,
  lockOnSuspend: true,
  lockOnScreenLock: true,
  clipboardClearSeconds: 20,
  theme: 'system',
};

export const SettingsPatch = z.strictObject(fields).partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
