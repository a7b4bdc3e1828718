import { useId, useState } from 'react';
import type { Goal, GoalStatus, Pdp } from '../../../../src-shared/domains/goals/goals.schemas';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { goalsApi } from './goals-api';
import { inputClass, Labeled, selectClass, STATUS_LABEL, textareaClass } from './goals-ui';
import { useAction } from './useGoalsQuery';

const STATUSES: GoalStatus[] = ['active', 'on_hold', 'completed', 'dropped'];

/** Create or edit a goal: title, why, plan, domain (the plan's domains offered), target date, status. */
export function GoalDialog({
  goal,
  pdps,
  defaultPdpId,
  defaultDomain,
  onClose,
  onSaved,
}: {
  goal: Goal | null;
  pdps: Pdp[];
  defaultPdpId: string | null;
  defaultDomain?: string;
  onClose(): void;
  onSaved?(goalId: string): void;
}) {
  const listId = useId();
  const [title, setTitle] = useState(goal?.title ?? '');
  const [why, setWhy] = useState(goal?.why ?? '');
  const [pdpId, setPdpId] = useState(goal ? (goal.pdpId ?? '') : (defaultPdpId ?? ''));
  const [domain, setDomain] = useState(goal?.domain ?? defaultDomain ?? '');
  const [targetDate, setTargetDate] = useState(goal?.targetDate ?? '');
  const [status, setStatus] = useState<GoalStatus>(goal?.status ?? 'active');
  const { busy, error, run } = useAction();
  const domains = pdps.find((p) => p.id === pdpId)?.domains ?? [];

  const save = () =>
    run(async () => {
      const fields = { title: title.trim(), why, pdpId: pdpId || null, domain: domain.trim(), targetDate: targetDate || null, status };
      const saved = goal ? await goalsApi.updateGoal({ id: goal.id, ...fields }) : await goalsApi.createGoal(fields);
      onSaved?.(saved.id);
      onClose();
    });

  return (
    <Modal open onOpenChange={(o) => !o && onClose()} size="md" title={goal ? 'Edit goal' : 'New goal'} description="What you want to achieve, and why.">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Labeled label="Title">
          <input className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} autoFocus data-testid="goal-title" />
        </Labeled>
        <Labeled label="Why it matters">
          <textarea className={textareaClass} value={why} onChange={(e) => setWhy(e.target.value)} />
        </Labeled>
        <div className="grid grid-cols-2 gap-3">
          <Labeled label="Plan">
            <select className={selectClass} value={pdpId} onChange={(e) => setPdpId(e.target.value)} data-testid="goal-plan">
              <option value="">No plan</option>
              {pdps.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </Labeled>
          <Labeled label="Domain">
            <input className={inputClass} list={listId} value={domain} onChange={(e) => setDomain(e.target.value)} maxLength={200} data-testid="goal-domain" />
            <datalist id={listId}>
              {domains.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          </Labeled>
          <Labeled label="Target date">
            <input type="date" className={inputClass} value={targetDate} onChange={(e) => setTargetDate(e.target.value)} />
          </Labeled>
          <Labeled label="Status">
            <select className={selectClass} value={status} onChange={(e) => setStatus(e.target.value as GoalStatus)} data-testid="goal-status-select">
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </Labeled>
        </div>
        {error ? <Callout tone="danger">{error}</Callout> : null}
        <ModalActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!title.trim()} data-testid="goal-save">
            {goal ? 'Save' : 'Create goal'}
          </Button>
        </ModalActions>
      </form>
    </Modal>
  );
}
