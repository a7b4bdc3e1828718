import { Eye, EyeOff, Globe, Plus, X } from 'lucide-react';
import { useState } from 'react';
import type { FieldType } from '../../../../src-shared/domains/vault/vault.schemas';
import { describeError } from '../../../lib/errors';
import { cx } from '../../../ui/cx';
import { newKey, type FieldDraft, type UrlDraft } from '../item-form';
import { isCancelled } from '../vault.store';

function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button
      type="button"
      aria-label={label}
      onClick={onClick}
      className="flex size-9 shrink-0 items-center justify-center rounded-md text-faint hover:bg-hover hover:text-danger"
    >
      <X className="size-4" aria-hidden />
    </button>
  );
}

function AddButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="inline-flex items-center gap-1.5 self-start rounded-md px-1 py-1 text-[13px] font-medium text-accent hover:underline"
    >
      <Plus className="size-3.5" aria-hidden />
      {label}
    </button>
  );
}

/** The websites of a login: any number, one per row. */
export function UrlsEditor({ urls, onChange }: { urls: UrlDraft[]; onChange(urls: UrlDraft[]): void }) {
  const set = (key: string, url: string) => onChange(urls.map((u) => (u.key === key ? { ...u, url } : u)));
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-[13px] font-medium text-text">Websites</legend>
      {urls.map((u, i) => (
        <div key={u.key} className="flex items-center gap-1">
          <div className="relative min-w-0 flex-1">
            <Globe className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-faint" aria-hidden />
            <input
              type="text"
              inputMode="url"
              value={u.url}
              onChange={(e) => set(u.key, e.target.value)}
              placeholder="https://example.com"
              aria-label={`Website ${i + 1}`}
              spellCheck={false}
              autoCapitalize="off"
              maxLength={4096}
              className="field-input pl-9"
            />
          </div>
          {urls.length > 1 || u.url ? <RemoveButton label={`Remove website ${i + 1}`} onClick={() => onChange(urls.filter((x) => x.key !== u.key))} /> : null}
        </div>
      ))}
      <AddButton label="Add website" onClick={() => onChange([...urls, { key: newKey(), url: '', match: null }])} />
    </fieldset>
  );
}

const FIELD_TYPES: [FieldType, string][] = [
  ['text', 'Text'],
  ['hidden', 'Hidden'],
  ['boolean', 'Yes / no'],
];

function HiddenValue({ field, onChange, onReveal }: { field: FieldDraft; onChange(f: FieldDraft): void; onReveal?: (id: string) => Promise<string> }) {
  const [visible, setVisible] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keepsStored = field.stored && !field.touched && !field.loaded;
  const toggle = () => {
    if (visible || !keepsStored || !field.id || !onReveal) return setVisible((v) => !v);
    onReveal(field.id).then(
      (value) => {
        onChange({ ...field, value, loaded: true });
        setVisible(true);
      },
      (err: unknown) => !isCancelled(err) && setError(describeError(err)),
    );
  };
  return (
    <div className="relative min-w-0 flex-1">
      <input
        type={visible ? 'text' : 'password'}
        value={field.value}
        onChange={(e) => onChange({ ...field, value: e.target.value, touched: true })}
        placeholder={keepsStored ? '•••••••• saved' : 'Value'}
        aria-label={`${field.name || 'Field'} value`}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
        spellCheck={false}
        autoComplete="off"
        maxLength={8192}
        className="field-input pr-9 font-mono"
      />
      <button
        type="button"
        aria-label={visible ? 'Hide value' : 'Show value'}
        onClick={toggle}
        className="absolute inset-y-0 right-0 flex w-9 items-center justify-center text-faint hover:text-text"
      >
        {visible ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
      </button>
    </div>
  );
}

/** Custom fields on any item: text, hidden (sealed like a password) or yes/no. */
export function CustomFieldsEditor({
  fields,
  onChange,
  onReveal,
  error,
}: {
  fields: FieldDraft[];
  onChange(fields: FieldDraft[]): void;
  onReveal?: (fieldId: string) => Promise<string>;
  error?: string;
}) {
  const update = (f: FieldDraft) => onChange(fields.map((x) => (x.key === f.key ? f : x)));
  const setType = (f: FieldDraft, type: FieldType) =>
    // Changing the type of a stored hidden value re-sends it only if it was revealed; otherwise it starts empty.
    update({
      ...f,
      type,
      value: type === 'boolean' ? 'false' : f.type === 'boolean' ? '' : f.value,
      touched: true,
      stored: f.stored && type === 'hidden' && f.type === 'hidden',
    });
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-[13px] font-medium text-text">Custom fields</legend>
      {fields.map((f, i) => (
        <div key={f.key} className="flex items-center gap-1.5">
          <input
            type="text"
            value={f.name}
            onChange={(e) => update({ ...f, name: e.target.value })}
            placeholder="Name"
            aria-label={`Custom field ${i + 1} name`}
            maxLength={1024}
            className="field-input w-[34%] shrink-0"
          />
          <select
            value={f.type}
            onChange={(e) => setType(f, e.target.value as FieldType)}
            aria-label={`Custom field ${i + 1} type`}
            className="field-input w-[92px] shrink-0 px-2"
          >
            {FIELD_TYPES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {f.type === 'hidden' ? (
            <HiddenValue field={f} onChange={update} onReveal={onReveal} />
          ) : f.type === 'boolean' ? (
            <label className="flex h-9 min-w-0 flex-1 items-center gap-2 px-1 text-[13px] text-text">
              <input
                type="checkbox"
                checked={f.value === 'true'}
                onChange={(e) => update({ ...f, value: String(e.target.checked), touched: true })}
                className="size-4 accent-accent"
              />
              {f.value === 'true' ? 'Yes' : 'No'}
            </label>
          ) : (
            <input
              type="text"
              value={f.value}
              onChange={(e) => update({ ...f, value: e.target.value, touched: true })}
              placeholder="Value"
              aria-label={`${f.name || 'Field'} value`}
              maxLength={8192}
              className={cx('field-input min-w-0 flex-1')}
            />
          )}
          <RemoveButton label={`Remove custom field ${i + 1}`} onClick={() => onChange(fields.filter((x) => x.key !== f.key))} />
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-[13px] text-danger">
          {error}
        </p>
      ) : null}
      <AddButton
        label="Add field"
        onClick={() => onChange([...fields, { key: newKey(), name: '', type: 'text', value: '', touched: true, stored: false, loaded: false }])}
      />
    </fieldset>
  );
}
