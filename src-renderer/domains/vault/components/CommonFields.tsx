import { useShallow } from 'zustand/react/shallow';
import { TextField } from '../../../ui/TextField';
import { Toggle } from '../../../ui/Toggle';
import type { DraftErrors, ItemDraft } from '../item-form';
import { useVaultStore } from '../vault.store';
import { CustomFieldsEditor } from './ListEditors';
import { TagsInput } from './TagsInput';

/** What every item type has: folder, tags, plain notes, custom fields, favourite and re-prompt. */
export function CommonFields({
  draft,
  onChange,
  errors,
  onRevealField,
}: {
  draft: ItemDraft;
  onChange(draft: ItemDraft): void;
  errors: DraftErrors;
  onRevealField?: (fieldId: string) => Promise<string>;
}) {
  const { folders, tags } = useVaultStore(useShallow((s) => ({ folders: s.folders, tags: s.tags })));
  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Folder"
          value={draft.folder}
          onChange={(e) => onChange({ ...draft, folder: e.target.value })}
          list="vault-folders"
          placeholder="No folder"
          maxLength={1024}
          autoComplete="off"
        />
        <datalist id="vault-folders">
          {folders.map((f) => (
            <option key={f.name} value={f.name} />
          ))}
        </datalist>
        <TagsInput tags={draft.tags} onChange={(next) => onChange({ ...draft, tags: next })} suggestions={tags.map((t) => t.name)} />
      </div>
      {/* A secure note's body is its sealed note; other types also have plain, searchable notes. */}
      {draft.type !== 'note' ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor="vault-notes" className="text-[13px] font-medium text-text">
            Notes
          </label>
          <textarea
            id="vault-notes"
            value={draft.notes}
            onChange={(e) => onChange({ ...draft, notes: e.target.value })}
            rows={3}
            maxLength={1024 * 1024}
            className="field-input h-auto resize-y py-2"
            placeholder="Searchable, not sealed"
          />
        </div>
      ) : null}
      <CustomFieldsEditor fields={draft.fields} onChange={(fields) => onChange({ ...draft, fields })} onReveal={onRevealField} error={errors.fields} />
      <div className="flex flex-col gap-3.5 rounded-xl border border-line bg-surface p-4">
        <Toggle label="Favorite" checked={draft.favorite} onCheckedChange={(favorite) => onChange({ ...draft, favorite })} />
        <Toggle
          label="Ask for the master password"
          description="Revealing or copying this item's secrets needs your master password first."
          checked={draft.reprompt}
          onCheckedChange={(reprompt) => onChange({ ...draft, reprompt })}
        />
      </div>
    </>
  );
}
