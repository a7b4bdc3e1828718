import { X } from 'lucide-react';
import { useId, useState, type KeyboardEvent } from 'react';

/** Tags as chips: Enter or comma adds, Backspace on an empty input removes the last; known tags are suggested. */
export function TagsInput({ tags, onChange, suggestions }: { tags: string[]; onChange(tags: string[]): void; suggestions: string[] }) {
  const id = useId();
  const [text, setText] = useState('');

  const add = (raw: string) => {
    const tag = raw.trim().replace(/,$/, '').trim().slice(0, 100);
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-[13px] font-medium text-text">
        Tags
      </label>
      <div className="field-input flex h-auto min-h-9 flex-wrap items-center gap-1.5 py-1.5 focus-within:border-focus focus-within:ring-3 focus-within:ring-focus/20">
        {tags.map((tag) => (
          <span key={tag} className="inline-flex items-center gap-1 rounded-full bg-subtle py-0.5 pr-1 pl-2 text-xs text-text">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
              className="rounded-full p-0.5 text-faint hover:text-text"
            >
              <X className="size-3" aria-hidden />
            </button>
          </span>
        ))}
        <input
          id={id}
          type="text"
          value={text}
          list={`${id}-list`}
          onChange={(e) => (e.target.value.endsWith(',') ? add(e.target.value) : setText(e.target.value))}
          onKeyDown={onKeyDown}
          onBlur={() => text && add(text)}
          placeholder={tags.length ? '' : 'Add a tag'}
          maxLength={100}
          className="min-w-[80px] flex-1 bg-transparent text-sm text-text outline-none"
        />
        <datalist id={`${id}-list`}>
          {suggestions
            .filter((s) => !tags.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      </div>
    </div>
  );
}
