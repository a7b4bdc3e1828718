import { ImageUp, ScanLine } from 'lucide-react';
import { useRef, useState, type FormEvent } from 'react';
import { formatMiB } from '../../../../src-shared/lib/limits';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { TextField } from '../../../ui/TextField';
import { describeError } from '../../../lib/errors';
import { fileToBase64, MAX_SCAN_IMAGE_BYTES } from '../batches-files';
import { useBatchesStore } from '../batches.store';

/**
 * Scan to find: a photo or screenshot of a label (decoded in main), or the code's text typed or pasted
 * (a GS1 Digital Link, the shop's URL, a text label or a bare lot). Lands on the batch.
 */
export function ScanDialog({ onClose }: { onClose(): void }) {
  const scan = useBatchesStore((s) => s.scan);
  const say = useBatchesStore((s) => s.say);
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function find(input: { imageBase64: string } | { text: string }) {
    setBusy(true);
    setError(null);
    try {
      const found = await scan(input);
      say(found.candidates.length > 1 ? `Found ${found.candidates.length} batches with this code; showing the one on the shelf.` : null);
      onClose();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  async function pick(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_SCAN_IMAGE_BYTES) {
      setError(`The image is larger than ${formatMiB(MAX_SCAN_IMAGE_BYTES)}.`);
      return;
    }
    await find({ imageBase64: await fileToBase64(file) });
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) void find({ text });
  };

  return (
    <Modal
      open
      onOpenChange={(open) => !open && onClose()}
      title="Find a batch from its label"
      description="Use a photo or screenshot of the QR code, or type what it says."
    >
      <form onSubmit={submit} className="flex flex-col gap-4">
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <input
          ref={fileRef}
          type="file"
          accept="image/png,image/jpeg"
          className="sr-only"
          aria-label="Label image"
          onChange={(e) => void pick(e.target.files?.[0])}
          data-testid="scan-file"
        />
        <Button icon={ImageUp} size="lg" busy={busy} onClick={() => fileRef.current?.click()} autoFocus>
          Choose a label image…
        </Button>
        <div className="flex items-center gap-3 text-xs text-faint">
          <span className="h-px flex-1 bg-line" /> or <span className="h-px flex-1 bg-line" />
        </div>
        <TextField label="Code text or lot" mono value={text} onChange={(e) => setText(e.target.value)} placeholder="https://shop.example/01/… or a lot code" />
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" icon={ScanLine} disabled={!text.trim()} busy={busy}>
            Find batch
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
