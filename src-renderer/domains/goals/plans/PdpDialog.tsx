import { useState } from 'react';
import type { Pdp } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { goalsApi } from './goals-api';
import { inputClass, Labeled, textareaClass } from './goals-ui';
import { useAction } from './useGoalsQuery';

/** Domains are typed as one line, comma separated ("Career, Health"). */
export const parseDomains = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean),
  ),
];

/** Create or edit a development plan: title, vision, period, domains, reflection. */
export function PdpDialog({ pdp, onClose, onSaved }: { pdp: Pdp | null; onClose(): void; onSaved(pdp: Pdp): void }) {
  const [title, setTitle] = useState(pdp?.title ?? '');
  const [vision, setVision] = useState(pdp?.vision ?? '');
  const [periodStart, setStart] = useState(pdp?.periodStart ?? '');
  const [periodEnd, setEnd] = useState(pdp?.periodEnd ?? '');
  const [domains, setDomains] = useState(pdp?.domains.join(', ') ?? '');
  const [reflection, setReflection] = useState(pdp?.reflection ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { busy, error, run } = useAction();

  const save = () =>
    run(async () => {
      const fields = {
        title: title.trim(),
        vision,
        periodStart: periodStart || null,
        periodEnd: periodEnd || null,
        domains: parseDomains(domains),
        reflection,
      };
      const saved = pdp ? await goalsApi.updatePdp({ id: pdp.id, ...fields }) : await goalsApi.createPdp(fields);
      onSaved(saved);
      onClose();
    });
  const remove = () =>
    run(async () => {
      if (!pdp) return;
      await goalsApi.deletePdp({ id: pdp.id });
      onClose();
    });

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      size="md"
      title={pdp ? 'Edit plan' : 'New development plan'}
      description="A plan holds your vision for a period and the goals that lead there."
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="pdp-form"
      >
        <Labeled label="Title">
          <input className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} autoFocus data-testid="pdp-title" />
        </Labeled>
        <Labeled label="Vision">
          <textarea
            className={textareaClass}
            value={vision}
            onChange={(e) => setVision(e.target.value)}
            placeholder="Where do you want to be at the end of it?"
          />
        </Labeled>
        <div className="grid grid-cols-2 gap-3">
          <Labeled label="From">
            <input type="date" className={inputClass} value={periodStart} onChange={(e) => setStart(e.target.value)} />
          </Labeled>
          <Labeled label="To">
            <input type="date" className={inputClass} value={periodEnd} onChange={(e) => setEnd(e.target.value)} />
          </Labeled>
        </div>
        <Labeled label="Domains (comma separated)">
          <input
            className={inputClass}
            value={domains}
            onChange={(e) => setDomains(e.target.value)}
            placeholder="Career, Health, Languages"
            data-testid="pdp-domains"
          />
        </Labeled>
        <Labeled label="Reflection notes">
          <textarea className={textareaClass} value={reflection} onChange={(e) => setReflection(e.target.value)} />
        </Labeled>
        {confirmDelete ? <Callout tone="warning">Delete this plan? Its goals stay, under “No plan”. Press Delete again to confirm.</Callout> : null}
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          {pdp ? (
            <Button variant="danger-outline" className="mr-auto" busy={busy} onClick={() => (confirmDelete ? void remove() : setConfirmDelete(true))}>
              Delete
            </Button>
          ) : null}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!title.trim()} data-testid="pdp-save">
            {pdp ? 'Save' : 'Create plan'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
