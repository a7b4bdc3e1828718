import { Monitor, Moon, Sun } from 'lucide-react';
import type { Settings } from '../../../../src-shared/domains/settings/settings.schemas';
import { cx } from '../../../ui/cx';

const OPTIONS = [
  { value: 'system', label: 'System', icon: Monitor },
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
] as const;

/** Segmented System / Light / Dark choice, built on native radio inputs (arrow keys work). */
export function ThemePicker({ value, onChange }: { value: Settings['theme']; onChange(theme: Settings['theme']): void }) {
  return (
    <div role="radiogroup" aria-label="Theme" className="inline-flex rounded-lg border border-line bg-subtle p-0.5">
      {OPTIONS.map(({ value: option, label, icon: Icon }) => (
        <label
          key={option}
          className={cx(
            'relative flex h-7 cursor-pointer items-center gap-1.5 rounded-md px-2.5 text-[13px] transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus',
            value === option ? 'bg-raised font-medium text-text shadow-xs' : 'text-muted hover:text-text',
          )}
        >
          <input type="radio" name="theme" value={option} checked={value === option} onChange={() => onChange(option)} className="sr-only" />
          <Icon className="size-3.5" aria-hidden />
          {label}
        </label>
      ))}
    </div>
  );
}
