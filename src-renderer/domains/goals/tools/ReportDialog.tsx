import { FileText } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Pdp } from '../../../../src-shared/domains/goals/goals.schemas';
import { describeError } from '../../../lib/errors';
import { downloadNotice, downloadUrl } from '../../../lib/files';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { goalsApi } from '../plans/goals-api';
import { Labeled, plural, selectClass } from '../plans/goals-ui';
import { useAction } from '../plans/useGoalsQuery';
import { DialogOutcome } from './DialogOutcome';

/** A development plan as a PDF report (vision, goals, key results with history, evidence), downloaded by ticket. */
export function ReportDialog({ onClose }: { onClose(): void }) {
  const [pdps, setPdps] = useState<Pdp[] | null>(null);
  const [pdpId, setPdpId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run, setError } = useAction();

  useEffect(() => {
    goalsApi.listPdps().then(
      (list) => {
        setPdps(list);
        setPdpId((id) => id || (list[0]?.id ?? ''));
      },
      (err: unknown) => {
        setPdps([]);
        setError(describeError(err));
      },
    );
  }, [setError]);

  const go = () =>
    run(async () => {
      const r = await goalsApi.report({ pdpId });
      downloadUrl(r.name, r.url);
      setDone(`${plural(r.pages, 'page')}. ${downloadNotice('The report', r.name)}`);
    });

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title="PDF report of a plan"
      description="The plan, its goals and key results on paper. The PDF is not encrypted."
    >
      {pdps === null ? <p className="text-[13px] text-muted">Loading plans…</p> : null}
      {pdps?.length === 0 && !error ? <Callout>No plan yet: create a development plan first.</Callout> : null}
      {pdps && pdps.length > 0 ? (
        <Labeled label="Plan">
          <select className={selectClass} value={pdpId} onChange={(e) => setPdpId(e.target.value)} data-testid="report-plan">
            {pdps.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </Labeled>
      ) : null}
      <DialogOutcome done={done} error={error} testId="report-done" />
      <ModalActions>
        <Button onClick={onClose}>{done ? 'Close' : 'Cancel'}</Button>
        <Button variant="primary" icon={FileText} busy={busy} disabled={!pdpId} onClick={() => void go()} data-testid="report-go">
          Make PDF
        </Button>
      </ModalActions>
    </Modal>
  );
}
