import { QrCode, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { formatMiB } from '../../../../src-shared/lib/limits';
import { describeError } from '../../../lib/errors';
import { Field } from '../../../ui/Field';
import { Spinner } from '../../../ui/Spinner';
import { fileToBase64, MAX_IMAGE_BYTES } from '../file-io';
import { typedSecret, type SecretDraft } from '../item-form';

export interface PendingImage {
  fileName: string;
  base64: string;
}

interface TotpInputProps {
  draft: SecretDraft;
  onChange(draft: SecretDraft): void;
  error?: string;
  /** Existing item: decode the QR image in main at once. New item: keep it until the item is saved. */
  onImage(image: PendingImage): Promise<void>;
  pendingImage: PendingImage | null;
  onClearImage(): void;
}

/**
 * TOTP setup: paste a base32 secret or an otpauth:// URI, or pick an image of the QR code (decoded in
 * main; the seed never comes back). A configured TOTP shows as "saved" and is kept unless replaced.
 */
export function TotpInput({ draft, onChange, error, onImage, pendingImage, onClearImage }: TotpInputProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [imageError, setImageError] = useState<string | null>(null);
  const keepsStored = draft.stored && !draft.touched;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setImageError(null);
    if (file.size > MAX_IMAGE_BYTES) return setImageError(`That image is too large (${formatMiB(MAX_IMAGE_BYTES)} at most).`);
    setBusy(true);
    try {
      await onImage({ fileName: file.name, base64: await fileToBase64(file) });
    } catch (err) {
      setImageError(describeError(err));
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const aside = draft.stored ? (
    draft.touched && draft.value === '' ? (
      <span className="text-xs text-danger">Will be removed</span>
    ) : (
      <button type="button" className="text-xs text-muted hover:text-danger" onClick={() => onChange(typedSecret(draft, ''))}>
        Remove
      </button>
    )
  ) : undefined;

  return (
    <Field
      label="One-time password (TOTP)"
      aside={aside}
      error={error ?? imageError ?? undefined}
      hint={pendingImage ? undefined : 'Paste the setup key or otpauth:// link the site shows, or scan an image of its QR code.'}
    >
      {(ids) => (
        <>
          <div className="flex gap-2">
            <input
              id={ids.inputId}
              type="text"
              value={draft.value}
              onChange={(e) => onChange(typedSecret(draft, e.target.value))}
              placeholder={keepsStored ? '•••••••• saved — paste a new key to replace' : 'JBSW Y3DP EHPK 3PXP or otpauth://totp/…'}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              autoComplete="off"
              maxLength={2048}
              aria-invalid={error ? true : undefined}
              aria-describedby={ids.describedBy}
              data-testid="totp-input"
              className="field-input min-w-0 flex-1 font-mono text-[13px]"
            />
            <input
              ref={fileRef}
              type="file"
              accept="image/png,image/jpeg"
              className="sr-only"
              tabIndex={-1}
              aria-label="QR code image"
              data-testid="totp-qr-file"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
            <button
              type="button"
              onClick={() => fileRef.current?.click()}
              disabled={busy}
              className="inline-flex h-9 shrink-0 items-center gap-1.5 rounded-md border border-line-strong bg-surface px-3 text-[13px] font-medium text-text shadow-xs hover:bg-hover disabled:opacity-55"
            >
              {busy ? <Spinner className="size-4" /> : <QrCode className="size-4" aria-hidden />}
              Scan QR image…
            </button>
          </div>
          {pendingImage ? (
            <p className="flex items-center gap-1.5 text-xs text-muted">
              <QrCode className="size-3.5" aria-hidden />
              <span className="truncate">{pendingImage.fileName} will be decoded when you save.</span>
              <button type="button" aria-label="Forget the QR image" onClick={onClearImage} className="rounded p-0.5 text-faint hover:text-text">
                <X className="size-3.5" aria-hidden />
              </button>
            </p>
          ) : null}
        </>
      )}
    </Field>
  );
}
