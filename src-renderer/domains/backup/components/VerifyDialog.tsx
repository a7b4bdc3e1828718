import { ShieldCheck } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { BackupInfo, VerifyReport } from '../../../../src-shared/domains/backup/backup.schemas';
import type { SecretKind } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { formatDateTime } from '../../files';
import { verifyBackup } from '../backup-api';
import { describeBackupError, verifySummary } from '../backup-format';
import { secretOf, SecretInput } from './SecretInput';

/** The report: one line, and each problem found (a missing stored file, a damaged chunk…). */
function ReportView({ report }: { report: VerifyReport }) {
  return (
    <Callout tone={report.ok ? 'info' : 'danger'}>
      <p data-testid="backup-verify-result">{verifySummary(report)}</p>
      {report.problems.length > 0 ? (
        <ul className="mt-1.5 list-disc pl-4 text-xs break-words" data-testid="backup-verify-problems">
          {report.problems.slice(0, 50).map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
          {report.problems.length > 50 ? <li>… and {(report.problems.length - 50).toLocaleString()} more.</li> : null}
        </ul>
      ) : null}
    </Callout>
  );
}

/** "Verify…": asks for the backup's password (or recovery key), checks every chunk and stored file, shows the report. */
export function VerifyDialog({ backup, onClose }: { backup: BackupInfo; onClose(): void }) {
  const [kind, setKind] = useState<SecretKind>('password');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!secret || busy) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await verifyBackup(backup.file, secretOf(kind, secret)));
      setSecret('');
    } catch (err) {
      setError(describeBackupError(err, kind));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      size="md"
      title="Verify backup"
      description={`${backup.profileName}, ${formatDateTime(backup.createdAt)}. Checks every part of the backup without restoring it.`}
    >
      <form className="flex flex-col gap-4" onSubmit={(e) => void onSubmit(e)} noValidate>
        <SecretInput
          kind={kind}
          onKindChange={(k) => {
            setKind(k);
            setSecret('');
            setError(null);
          }}
          value={secret}
          onChange={setSecret}
          error={error}
          disabled={busy}
          autoFocus
        />
        {report ? <ReportView report={report} /> : null}
        <ModalActions>
          <Button onClick={onClose}>{report ? 'Close' : 'Cancel'}</Button>
          <Button type="submit" variant="primary" icon={ShieldCheck} busy={busy} disabled={!secret}>
            {busy ? 'Verifying…' : 'Verify'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
