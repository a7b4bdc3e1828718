/** One choice among a few, each a radio with a label and a hint line (export formats and the like). */
export function ChoiceList<T extends string>({
  name,
  legend,
  choices,
  value,
  onChange,
  testId,
  className,
}: {
  name: string;
  legend: string;
  choices: readonly { value: T; label: string; hint: string }[];
  value: T;
  onChange(value: T): void;
  testId: (value: T) => string;
  className?: string;
}) {
  return (
    <fieldset className={className ?? 'flex flex-col gap-1.5'}>
      <legend className="sr-only">{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className="flex items-start gap-2 rounded-md px-1 py-0.5 hover:bg-hover">
          <input
            type="radio"
            className="mt-1 accent-accent"
            name={name}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
            data-testid={testId(c.value)}
          />
          <span>
            <span className="font-medium text-text">{c.label}</span>
            <span className="block text-[12px] text-muted">{c.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
