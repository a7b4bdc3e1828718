import { cx } from './cx';

export interface StrengthMeterProps {
  /** 0–4, or null while unknown. */
  score: 0 | 1 | 2 | 3 | 4 | null;
  label: string;
  feedback?: string | null;
}

const barColour = (score: number): string => (score >= 3 ? 'bg-success' : score === 2 ? 'bg-warning' : 'bg-danger');
const textColour = (score: number): string => (score >= 3 ? 'text-success' : score === 2 ? 'text-warning' : 'text-danger');

/** Four segments filling with the zxcvbn score, its name, and one line of advice. */
export function StrengthMeter({ score, label, feedback }: StrengthMeterProps) {
  const filled = score === null ? 0 : Math.max(score, 1);
  return (
    <div className="flex flex-col gap-1.5 pt-0.5">
      <div className="flex items-center gap-3">
        <div
          role="meter"
          aria-label="Password strength"
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={score ?? 0}
          aria-valuetext={label}
          className="grid flex-1 grid-cols-4 gap-1"
        >
          {[1, 2, 3, 4].map((segment) => (
            <span key={segment} className={cx('h-1 rounded-full transition-colors', segment <= filled && score !== null ? barColour(score) : 'bg-line')} />
          ))}
        </div>
        <span aria-live="polite" className={cx('w-20 text-right text-xs font-medium', score === null ? 'text-faint' : textColour(score))}>
          {label}
        </span>
      </div>
      {feedback ? <p className="text-xs text-muted">{feedback}</p> : null}
    </div>
  );
}
