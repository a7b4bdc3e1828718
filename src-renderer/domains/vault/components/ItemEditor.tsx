import { Save } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ItemDetail, ItemType, SecretField } from '../../../../src-shared/domains/vault/vault.schemas';
import { describeError } from '../../../lib/errors';
import { isModKey, shortcutLabel } from '../../../lib/shortcuts';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Kbd } from '../../../ui/Kbd';
import { Modal, ModalActions } from '../../../ui/Modal';
import { draftFromDetail, draftToCreate, draftToUpdate, emptyDraft, validateDraft, withoutEmptyFields, type DraftErrors, type ItemDraft } from '../item-form';
import { isCancelled, useVaultStore } from '../vault.store';
import { ITEM_TYPES, ItemIcon } from './ItemIcon';
import { CommonFields } from './CommonFields';
import type { PendingImage } from './TotpInput';
import { CardFields, IdentityFields, LoginFields, NoteFields } from './TypeFields';

function initialDraft(mode: 'create' | 'edit', type: ItemType, detail: ItemDetail | null, defaults: { folder?: string; favorite?: boolean }): ItemDraft {
  return mode === 'edit' && detail ? draftFromDetail(detail) : emptyDraft(type, defaults);
}

/** Create or edit an item, in the right pane. Secrets the user does not touch are kept by main. */
export function ItemEditor() {
  const { editor, detail, filter } = useVaultStore(useShallow((s) => ({ editor: s.editor, detail: s.detail, filter: s.filter })));
  const save = useVaultStore((s) => s.save);
  const reveal = useVaultStore((s) => s.reveal);
  const closeEditor = useVaultStore((s) => s.closeEditor);
  const totpFromImage = useVaultStore((s) => s.totpFromImage);
  const notify = useVaultStore((s) => s.notify);

  const mode = editor?.mode ?? 'create';
  const editing = mode === 'edit' && detail ? detail : null;
  const type: ItemType = editor?.mode === 'create' ? editor.type : (detail?.type ?? 'login');
  const [draft, setDraft] = useState<ItemDraft>(() =>
    initialDraft(mode, type, detail, {
      folder: filter.kind === 'folder' ? filter.name : undefined,
      favorite: filter.kind === 'favorites',
    }),
  );
  const [initialJson, setInitialJson] = useState(() => JSON.stringify(draft));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pendingImage, setPendingImage] = useState<PendingImage | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = JSON.stringify(draft) !== initialJson || pendingImage !== null;

  useEffect(() => titleRef.current?.focus(), []);

  const cancel = () => (dirty ? setConfirmDiscard(true) : closeEditor());

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isModKey(e, 's')) {
        e.preventDefault();
        formRef.current?.requestSubmit();
        return;
      }
      // A dialog above the editor (re-prompt, discard) handles its own Escape.
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('[role="dialog"][data-state="open"]')) return;
      e.preventDefault();
      if (dirty) setConfirmDiscard(true);
      else closeEditor();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dirty, closeEditor]);

  const revealStored = editing ? (field: SecretField) => reveal(editing.id, field) : undefined;

  const onImage = async (image: PendingImage) => {
    if (!editing) return setPendingImage(image);
    const updated = await totpFromImage(editing.id, image.base64);
    // Already saved in main: apply the same change to the draft and to its baseline, so it does not count as unsaved.
    const withStoredTotp = (d: ItemDraft): ItemDraft => ({
      ...d,
      login: { ...d.login, totp: { value: '', touched: false, loaded: false, stored: updated.hasTotp } },
    });
    setDraft(withStoredTotp);
    setInitialJson((json) => JSON.stringify(withStoredTotp(JSON.parse(json) as ItemDraft)));
    notify('TOTP added from the QR image');
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const cleaned = withoutEmptyFields(draft);
    const problems = validateDraft(cleaned);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setSaveError(null);
    try {
      const saved = await save(editing ? { id: editing.id, update: draftToUpdate(cleaned) } : { create: draftToCreate(cleaned) });
      if (pendingImage) {
        await totpFromImage(saved.id, pendingImage.base64).then(
          () => notify('Saved, with TOTP from the QR image'),
          (err: unknown) => notify(`Saved, but the QR image did not work: ${describeError(err)}`, 'danger'),
        );
      }
    } catch (err) {
      if (!isCancelled(err)) setSaveError(describeError(err)); // dismissing the master-password prompt is not an error
      setBusy(false);
    }
  };

  const typeProps = { draft, onChange: setDraft, errors, reveal: revealStored };
  return (
    <form
      ref={formRef}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="flex h-full flex-col"
      data-testid="item-editor"
      aria-label={editing ? 'Edit item' : 'New item'}
    >
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto flex w-full max-w-[640px] flex-col gap-5 px-6 py-6">
          <div className="flex items-center gap-3.5">
            <ItemIcon type={type} size="lg" />
            <div className="min-w-0 flex-1">
              <p className="text-xs font-medium text-muted">
                {editing ? `Edit ${ITEM_TYPES[type].label.toLowerCase()}` : `New ${ITEM_TYPES[type].label.toLowerCase()}`}
              </p>
              <input
                ref={titleRef}
                value={draft.title}
                onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                placeholder="Title"
                aria-label="Title"
                aria-invalid={errors.title ? true : undefined}
                maxLength={1024}
                data-testid="title-input"
                className="w-full rounded-md border border-transparent bg-transparent px-1 py-0.5 -ml-1 text-lg font-semibold tracking-tight text-text outline-none placeholder:text-faint hover:border-line focus:border-focus aria-[invalid=true]:border-danger"
              />
              {errors.title ? (
                <p role="alert" className="text-[13px] text-danger">
                  {errors.title}
                </p>
              ) : null}
            </div>
          </div>

          <div className="flex flex-col gap-4">
            {type === 'login' ? <LoginFields {...typeProps} onImage={onImage} pendingImage={pendingImage} onClearImage={() => setPendingImage(null)} /> : null}
            {type === 'card' ? <CardFields {...typeProps} /> : null}
            {type === 'identity' ? <IdentityFields {...typeProps} /> : null}
            {type === 'note' ? <NoteFields {...typeProps} /> : null}
          </div>

          <div className="h-px bg-line" />
          <CommonFields draft={draft} onChange={setDraft} errors={errors} onRevealField={editing ? (id) => reveal(editing.id, `field:${id}`) : undefined} />
          {saveError ? <Callout tone="danger">{saveError}</Callout> : null}
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-2 border-t border-line bg-surface px-6 py-3">
        <span className="flex-1 text-xs text-faint">
          <Kbd>Esc</Kbd> to cancel
        </span>
        <Button onClick={cancel}>Cancel</Button>
        <Button type="submit" variant="primary" icon={Save} busy={busy} title={`Save (${shortcutLabel('S')})`} data-testid="save-item">
          Save
        </Button>
      </div>
      <Modal open={confirmDiscard} onOpenChange={setConfirmDiscard} title="Discard your changes?" description="What you typed in this item will be lost.">
        <ModalActions>
          <Button onClick={() => setConfirmDiscard(false)}>Keep editing</Button>
          <Button variant="danger" onClick={closeEditor}>
            Discard
          </Button>
        </ModalActions>
      </Modal>
    </form>
  );
}
