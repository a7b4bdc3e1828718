/**
 * Password strength with @zxcvbn-ts. The dictionaries are large, so they load lazily on the first
 * password field rather than with the app.
 */
export interface Strength {
  /** 0 (guessable in seconds) … 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

type Estimator = (password: string, userInputs: string[]) => Strength;

let loading: Promise<Estimator> | null = null;

/** Loads zxcvbn and its English + common dictionaries once. */
export function loadEstimator(): Promise<Estimator> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return (password, userInputs) => {
      const result = zxcvbn.check(password.slice(0, 256), userInputs);
      return { score: result.score, warning: result.feedback.warning || null, suggestions: result.feedback.suggestions };
    };
  })();
  return loading;
}

/** Whether a new master password meets the policy (src-shared/domains/profile/password-policy.ts). */
export type StrengthVerdict = 'strong' | 'too-weak';

export const SCORE_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
