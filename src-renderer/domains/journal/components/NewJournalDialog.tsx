import { Lock } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { JOURNAL_COLORS, JOURNAL_ICONS } from '../../../../src-shared/domains/journal/journal.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { cx } from '../../../ui/cx';
import { Modal, ModalActions } from '../../../ui/Modal';
import { PasswordField } from '../../../ui/PasswordField';
import { TextField } from '../../../ui/TextField';
import { Toggle } from '../../../ui/Toggle';
import { createJournal, updateJournal } from '../journal-data';
import { COLOR_DOT, ICONS } from '../journal-style';
import type { Journal, MetricDef } from '../journal-types';
import { useJournalStore } from '../journal.store';
import { metricId, MetricsEditor } from './MetricsEditor';

type Color = (typeof JOURNAL_COLORS)[number];
type Icon = (typeof JOURNAL_ICONS)[number];

/** A new journal, or the settings of one (`journal`): name, colour, icon, privacy and check-in metrics. */
export function NewJournalDialog({ open, onOpenChange, journal }: { open: boolean; onOpenChange(o: boolean): void; journal?: Journal }) {
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      size="md"
      title={journal ? 'Journal settings' : 'New journal'}
      description={journal ? 'Changing whether it is locked asks for your master password.' : 'A journal keeps its own entries, look and check-ins.'}
    >
      {open ? <Form journal={journal} onDone={() => onOpenChange(false)} /> : null}
    </Modal>
  );
}

function Form({ journal, onDone }: { journal: Journal | undefined; onDone(): void }) {
  const [name, setName] = useState(journal?.name ?? '');
  const [color, setColor] = useState<Color>(journal?.color ?? 'blue');
  const [icon, setIcon] = useState<Icon>(journal?.icon ?? 'book');
  const [locked, setLocked] = useState(journal?.privacy === 'locked');
  const [metrics, setMetrics] = useState<MetricDef[]>(journal?.metrics ?? []);
  const [password, setPassword] = useState('');
  const privacyChanged = journal !== undefined && (journal.privacy === 'locked') !== locked;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('Give the journal a name.');
    const named = metrics.filter((m) => m.name.trim());
    const ids: string[] = named.filter((m) => m.id).map((m) => m.id);
    const defs = named.map((m) => {
      if (m.id) return { ...m, name: m.name.trim() };
      const id = metricId(m.name, ids);
      ids.push(id);
      return { ...m, id, name: m.name.trim() };
    });
    if (privacyChanged && !password) return setError('Enter your master password to change whether this journal is locked.');
    setBusy(true);
    const privacy = locked ? 'locked' : 'normal';
    try {
      const store = useJournalStore.getState();
      if (journal) {
        const saved = await updateJournal({ id: journal.id, name: name.trim(), color, icon, metrics: defs, ...(privacyChanged ? { privacy, password } : {}) });
        if (saved.privacy === 'locked' && !saved.open) store.setFilter({ journalId: null });
        await store.refresh();
        store.say(privacyChanged ? (locked ? `“${saved.name}” is now locked.` : `“${saved.name}” is no longer locked.`) : 'Journal saved.');
      } else {
        const created = await createJournal({ name: name.trim(), color, icon, privacy, metrics: defs });
        await store.refresh();
        if (!locked) store.setFilter({ journalId: created.id });
        store.say(`Created “${created.name}”.`);
      }
      onDone();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus placeholder="Daily, Travel, Gratitude…" />
      <div className="flex flex-wrap gap-4">
        <fieldset>
          <legend className="mb-1.5 text-[13px] font-medium">Colour</legend>
          <div className="flex gap-1">
            {JOURNAL_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                aria-label={c}
                aria-pressed={color === c}
                onClick={() => setColor(c)}
                className={cx('size-6 rounded-full', COLOR_DOT[c], color === c && 'ring-2 ring-focus ring-offset-2 ring-offset-raised')}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1.5 text-[13px] font-medium">Icon</legend>
          <div className="flex gap-0.5">
            {JOURNAL_ICONS.map((i) => {
              const I = ICONS[i];
              return (
                <button
                  key={i}
                  type="button"
                  aria-label={i}
                  aria-pressed={icon === i}
                  onClick={() => setIcon(i)}
                  className={cx('flex size-7 items-center justify-center rounded-md', icon === i ? 'bg-accent-soft text-accent' : 'text-muted hover:bg-hover')}
                >
                  <I className="size-4" aria-hidden />
                </button>
              );
            })}
          </div>
        </fieldset>
      </div>
      <Toggle
        label="Locked"
        description="Its entries open only with your master password, and stay out of search unless you ask."
        checked={locked}
        onCheckedChange={setLocked}
      />
      {privacyChanged ? (
        <PasswordField
          label="Master password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          maxLength={1024}
        />
      ) : null}
      <MetricsEditor value={metrics} onChange={setMetrics} />
      {error ? <Callout tone="danger">{error}</Callout> : null}
      <ModalActions>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy} icon={locked ? Lock : undefined}>
          {journal ? 'Save' : 'Create journal'}
        </Button>
      </ModalActions>
    </form>
  );
}
