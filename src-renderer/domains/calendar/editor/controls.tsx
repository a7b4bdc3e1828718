import type { ReactNode } from 'react';
import { cx } from '../../../ui/cx';

/** Compact controls of the calendar's dialogs: the app's field look, one size smaller (the editor is dense). */
export const inputClass = 'field-input h-8 text-[13px]';
export const selectClass = 'field-input h-8 w-auto pr-7 text-[13px]';

/** A label above its control; the control sits inside the <label>, so it gets the accessible name. */
export function Labeled({ label, error, children, className }: { label: ReactNode; error?: string | null; children: ReactNode; className?: string }) {
  return (
    <div className={cx('flex min-w-0 flex-col gap-1', className)}>
      <label className="flex min-w-0 flex-col gap-1 text-[12px] font-medium text-muted">
        {label}
        {children}
      </label>
      {error ? (
        <p role="alert" className="text-[12px] text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The computer's IANA zone. */
export const computerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

let zones: string[] | null = null;
/** Every IANA zone the runtime knows (the time-zone field's list). */
export function allZones(): string[] {
  if (!zones) {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = [...new Set([...list, 'UTC', computerZone()])].sort();
  }
  return zones;
}
