import { KeyRound, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { formatMiB, MAX_KEY_FILE_BYTES } from '../../../../src-shared/lib/limits';
import { Button } from '../../../ui/Button';
import { fileToBase64 } from '../file-io';

/** A KeePass key file as sent to main (like the import file itself). */
export interface PickedKeyFile {
  fileName: string;
  contentBase64: string;
}

/**
 * The optional key file of a KeePass database (KeePassXC: "Key File"): any file works, it is read in
 * memory and sent once with the preview request; nothing is stored.
 */
export function ImportKeyFile({ value, onChange }: { value: PickedKeyFile | null; onChange(file: PickedKeyFile | null): void }) {
  const ref = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (file.size === 0) return setError('That file is empty.');
    if (file.size > MAX_KEY_FILE_BYTES) return setError(`Key files are limited to ${formatMiB(MAX_KEY_FILE_BYTES)}.`);
    onChange({ fileName: file.name, contentBase64: await fileToBase64(file) });
  };
  return (
    <div className="flex flex-col gap-1.5" data-testid="import-key-file">
      <span className="text-[13px] font-medium text-text">Key file (optional)</span>
      <div className="flex items-center gap-2">
        <KeyRound className="size-4 text-faint" aria-hidden />
        {value ? (
          <>
            <span className="min-w-0 flex-1 truncate text-[13px] text-text">{value.fileName}</span>
            <Button size="sm" icon={X} onClick={() => onChange(null)} aria-label="Remove the key file">
              Remove
            </Button>
          </>
        ) : (
          <>
            <span className="flex-1 text-[13px] text-muted">Only if the KeePass database also needs a key file.</span>
            <Button size="sm" onClick={() => ref.current?.click()}>
              Choose key file…
            </Button>
          </>
        )}
      </div>
      <input
        ref={ref}
        type="file"
        className="sr-only"
        tabIndex={-1}
        aria-label="Key file"
        data-testid="import-key-file-input"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      {error ? <p className="text-xs text-danger">{error}</p> : null}
    </div>
  );
}
