import { Download } from 'lucide-react';
import { useState } from 'react';
import { describeError } from '../../../lib/errors';
import { downloadNotice, downloadUrl } from '../../../lib/files';
import { Button } from '../../../ui/Button';
import { ChoiceList } from '../../../ui/ChoiceList';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { emailApi } from '../email-api';
import { plural, sizeLabel } from '../email-format';
import { useMailStore } from '../email.store';

type Format = 'mbox' | 'eml';
const FORMATS: { format: Format; label: string; hint: string }[] = [
  { format: 'mbox', label: 'One mbox file per folder', hint: 'For Thunderbird, Apple Mail and most mail tools.' },
  { format: 'eml', label: 'An .eml file per message', hint: 'A folder tree mirroring the archive’s folders.' },
];

/**
 * Export the archive (or the open folder) losslessly: each message's original bytes, hash-checked as they are
 * written, in one .zip downloaded by ticket. The file is not encrypted.
 */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const view = useMailStore((s) => s.view);
  const folders = useMailStore((s) => s.folders ?? []);
  const open = view.kind === 'folder' ? folders.find((f) => f.id === view.folderId) : undefined;
  const [format, setFormat] = useState<Format>('mbox');
  const [scope, setScope] = useState<'all' | 'folder'>(open ? 'folder' : 'all');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function go() {
    setBusy(true);
    setError(null);
    try {
      const r = await emailApi.export({ format, ...(scope === 'folder' && open ? { folderIds: [open.id] } : {}) });
      if (!r.download) throw new Error('No file came back.');
      downloadUrl(r.download.name, r.download.url);
      setDone(
        `${plural(r.messages, 'message')} in ${plural(r.files, 'file')} (${sizeLabel(r.bytes)}), ${r.verified.toLocaleString()} checked against their SHA-256. ${downloadNotice('The archive', r.download.name)}`,
      );
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      size="md"
      title="Export mail"
      description="Every message byte for byte as it came, in one .zip. The file is not encrypted: keep it somewhere safe."
    >
      <div className="flex flex-col gap-3 text-[13px]">
        <ChoiceList<Format>
          name="mail-export"
          legend="Format"
          choices={FORMATS.map((f) => ({ value: f.format, label: f.label, hint: f.hint }))}
          value={format}
          onChange={setFormat}
          testId={(f) => `mail-export-${f}`}
        />
        {open ? (
          <label className="flex flex-col gap-1">
            <span className="text-[12px] font-medium text-muted">What</span>
            <select className="field-input h-8 py-0 text-[13px]" value={scope} onChange={(e) => setScope(e.target.value === 'folder' ? 'folder' : 'all')}>
              <option value="all">Every folder</option>
              <option value="folder">{`Only “${open.path}”`}</option>
            </select>
          </label>
        ) : null}
        {done ? (
          <Callout>
            <span data-testid="mail-export-done">{done}</span>
          </Callout>
        ) : null}
        {error ? <Callout tone="danger">{error}</Callout> : null}
      </div>
      <ModalActions>
        <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
        <Button variant="primary" icon={Download} busy={busy} onClick={() => void go()} data-testid="mail-export-go">
          Export
        </Button>
      </ModalActions>
    </Modal>
  );
}
