import type { JobFn } from '../../workers/job';
import { passwordStrength, type PasswordStrength } from './health';

/**
 * Worker job: zxcvbn scores for a batch of passwords (the health report's uncached ones), in order. Runs
 * off the main thread because each password costs 10–150 ms; reports progress every 25 and stops early
 * when cancelled (the caller then discards the partial batch).
 */
export const healthStrengthJob: JobFn<{ passwords: string[] }, { scores: PasswordStrength[] }> = (input, ctx) => {
  const scores: PasswordStrength[] = [];
  for (const [i, password] of input.passwords.entries()) {
    if (ctx.cancelled()) break;
    scores.push(passwordStrength(password));
    if ((i + 1) % 25 === 0) ctx.progress(i + 1, input.passwords.length);
  }
  ctx.progress(scores.length, input.passwords.length);
  return { scores };
};
