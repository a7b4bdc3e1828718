/**
 * The master-password rule, the same in main (which enforces it) and the renderer (which explains it):
 * zxcvbn score ≥ 3, or at least 14 characters (a long passphrase is strong whatever zxcvbn says).
 */
export const MASTER_PASSWORD_MIN_SCORE = 3;
export const MASTER_PASSWORD_LONG_ENOUGH = 14;

export const WEAK_MASTER_PASSWORD = `This master password is too easy to guess. Use at least ${MASTER_PASSWORD_LONG_ENOUGH} characters (a few unrelated words work well), or a password rated strong.`;

/** Length in characters (code points), not UTF-16 units. */
export const passwordLength = (password: string): number => [...password].length;

export const isLongEnough = (password: string): boolean => passwordLength(password) >= MASTER_PASSWORD_LONG_ENOUGH;

export const meetsMasterPasswordPolicy = (password: string, score: number): boolean => isLongEnough(password) || score >= MASTER_PASSWORD_MIN_SCORE;
