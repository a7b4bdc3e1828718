/**
 * How far a goal has come (docs/architecture.md#goals-progress). Pure: main computes it for every read, the renderer
 * shows the same formula next to the number.
 *
 * - A numeric key result is the share of the way from its start to its target: (current − start) ÷ (target − start),
 *   clamped to 0..1. The ratio is direction-free (80 kg → 70 kg at 75 kg is 50 %); the direction only decides a key
 *   result whose start equals its target (done once the current value reaches the target from the right side).
 * - A milestone is 0 or 1.
 * - A goal's parts are its key results, one each, plus its linked tasks as one more part (the share done of the
 *   non-repeating ones: a repeating task is never finished, so it is left out). Progress is the mean of the parts.
 * - A completed goal is 100. A goal with no parts shows its latest manual log entry (or 0).
 */

export interface KeyResultLike {
  title: string;
  kind: 'numeric' | 'milestone';
  startValue: number;
  targetValue: number;
  currentValue: number;
  direction: 'increase' | 'decrease';
  /** A milestone reached. */
  done: boolean;
}

export interface GoalProgressInput {
  status: 'active' | 'on_hold' | 'completed' | 'dropped';
  keyResults: readonly KeyResultLike[];
  /** The goal's non-repeating linked tasks, open and done. */
  tasks: { open: number; done: number };
  /** The latest manual log entry's progress (0..100), when there is one. */
  manual?: number | null;
}

export interface ProgressPart {
  label: string;
  /** 0..100. */
  progress: number;
}

export interface GoalProgress {
  /** 0..100, one decimal. */
  progress: number;
  /** One line a person can read. */
  formula: string;
  parts: ProgressPart[];
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
/** One decimal: what the UI shows, and stable across the float noise of a mean. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;
const pct = (x: number): string => `${round1(x)} %`;

/** A key result's progress, 0..1. */
export function keyResultProgress(kr: Omit<KeyResultLike, 'title'>): number {
  if (kr.kind === 'milestone') return kr.done ? 1 : 0;
  const { startValue: start, targetValue: target, currentValue: current } = kr;
  if (![start, target, current].every(Number.isFinite)) return 0;
  if (start === target) return (kr.direction === 'decrease' ? current <= target : current >= target) ? 1 : 0;
  return clamp01((current - start) / (target - start));
}

/** A goal's progress, the parts it is the mean of, and the formula in words. */
export function goalProgress(input: GoalProgressInput): GoalProgress {
  const parts: ProgressPart[] = input.keyResults.map((kr) => ({ label: kr.title, progress: round1(keyResultProgress(kr) * 100) }));
  const { open, done } = input.tasks;
  let taskShare: number | null = null;
  if (open + done > 0) {
    taskShare = (done / (open + done)) * 100;
    parts.push({ label: `Tasks (${done} of ${open + done} done)`, progress: round1(taskShare) });
  }
  const krText = input.keyResults.length
    ? `${input.keyResults.length} key result${input.keyResults.length === 1 ? '' : 's'} (${parts
        .slice(0, input.keyResults.length)
        .map((p) => pct(p.progress))
        .join(', ')})`
    : '';
  const taskText = taskShare === null ? '' : `one-off tasks (${done} of ${open + done} done, ${pct(taskShare)})`;
  const what = [krText, taskText].filter(Boolean).join(' and ');

  if (input.status === 'completed') return { progress: 100, formula: 'completed goal = 100 %', parts };
  if (parts.length === 0) {
    const manual = input.manual;
    if (manual !== null && manual !== undefined && Number.isFinite(manual)) {
      const p = round1(Math.min(100, Math.max(0, manual)));
      return { progress: p, formula: `no key results or tasks: last logged progress = ${pct(p)}`, parts };
    }
    return { progress: 0, formula: 'no key results or tasks yet = 0 %', parts };
  }
  // The mean of the unrounded parts, so the number does not drift with rounding.
  const exact = input.keyResults.map((kr) => keyResultProgress(kr) * 100);
  if (taskShare !== null) exact.push(taskShare);
  const progress = round1(exact.reduce((a, b) => a + b, 0) / exact.length);
  return { progress, formula: `mean of ${what} = ${pct(progress)}`, parts };
}
