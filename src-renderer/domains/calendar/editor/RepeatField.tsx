import { Labeled, inputClass, selectClass } from './controls';
import { presetOptions, rruleProblem, type RepeatPreset } from './rrule-presets';

/** "Repeat": the presets for the start date, or a custom RRULE with a message while it does not read. */
export function RepeatField(props: {
  date: string;
  repeat: RepeatPreset;
  customRule: string;
  error?: string;
  onChange(patch: { repeat?: RepeatPreset; customRule?: string }): void;
}) {
  const { date, repeat, customRule, onChange } = props;
  const live = repeat === 'custom' && customRule.trim() ? rruleProblem(customRule) : null;
  return (
    <div className="flex flex-col gap-2">
      <Labeled label="Repeat">
        <select className={selectClass} aria-label="Repeat" value={repeat} onChange={(e) => onChange({ repeat: e.target.value as RepeatPreset })}>
          {presetOptions(date).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </Labeled>
      {repeat === 'custom' ? (
        <Labeled label="Rule (RFC 5545 RRULE)" error={props.error ?? live}>
          <input
            className={`${inputClass} font-mono`}
            aria-label="Custom rule"
            aria-invalid={props.error || live ? true : undefined}
            placeholder="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"
            spellCheck={false}
            value={customRule}
            onChange={(e) => onChange({ customRule: e.target.value })}
          />
        </Labeled>
      ) : null}
    </div>
  );
}
