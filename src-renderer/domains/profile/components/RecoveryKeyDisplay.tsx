import { Check, Copy, Download } from 'lucide-react';
import { useState } from 'react';
import { recoveryKeyDocument, recoveryKeyGroups } from '../../../lib/recovery-key';
import { copyText, downloadText, fileSlug } from '../../../lib/save-text';
import { Button } from '../../../ui/Button';

/** The recovery key in large monospace groups, with Copy and Download buttons. */
export function RecoveryKeyDisplay({ recoveryKey, profileName }: { recoveryKey: string; profileName: string }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const groups = recoveryKeyGroups(recoveryKey);

  const onCopy = async () => setCopy((await copyText(recoveryKey)) ? 'copied' : 'failed');
  const onDownload = () => downloadText(`hearth-recovery-key-${fileSlug(profileName)}.txt`, recoveryKeyDocument(recoveryKey, profileName));

  return (
    <div className="flex flex-col gap-3">
      <div
        data-testid="recovery-key"
        aria-label={`Recovery key: ${groups.join(' ')}`}
        role="group"
        className="grid grid-cols-4 gap-x-3 gap-y-2 rounded-lg border border-line bg-subtle px-4 py-4 font-mono text-lg font-medium tracking-[0.12em] text-text select-all"
      >
        {groups.map((group, index) => (
          <span key={index} className="text-center">
            {group}
          </span>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" icon={copy === 'copied' ? Check : Copy} onClick={() => void onCopy()}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </Button>
        <Button size="sm" icon={Download} onClick={onDownload}>
          Download as text
        </Button>
        {copy === 'failed' ? (
          <span role="status" className="text-xs text-muted">
            Copy did not work here. Select the key and copy it, or download it.
          </span>
        ) : null}
      </div>
    </div>
  );
}
