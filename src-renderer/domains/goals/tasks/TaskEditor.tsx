import { Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TaskDetail } from '../../../../src-shared/domains/goals/goals.schemas';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../ui/Button';
import { Callout } from '../../../ui/Callout';
import { Modal, ModalActions } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Spinner';
import { useGoalsStore } from '../goals.store';
import { SubtaskList } from './SubtaskList';
import { formOf, formProblem, patchOf, type TaskForm } from './task-form';
import { TaskFields } from './TaskFields';

/** The task open in the editor (store.editing), in a dialog: every field, sub-tasks and history; Esc closes. */
export function TaskEditor() {
  const editing = useGoalsStore((s) => s.editing);
  const close = () => useGoalsStore.getState().openEditor(null);
  return (
    <Modal open={editing !== null} onOpenChange={(o) => !o && close()} size="md" title="Edit task">
      {editing ? <EditorBody key={editing} id={editing} onClose={close} /> : null}
    </Modal>
  );
}

function EditorBody({ id, onClose }: { id: string; onClose(): void }) {
  const { goals, projects } = useGoalsStore(useShallow((s) => ({ goals: s.goals, projects: s.projects })));
  const store = useGoalsStore.getState();
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [form, setForm] = useState<TaskForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const reload = (resetForm: boolean) =>
    store.getTask(id).then(
      (t) => {
        setTask(t);
        if (resetForm) setForm(formOf(t));
      },
      (err: unknown) => setError(describeError(err)),
    );
  useEffect(() => {
    void reload(true);
    // The editor reads its task once per id; sub-task changes reload it explicitly.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  if (!task || !form) {
    return error ? (
      <Callout tone="danger">This task could not be opened: {error}</Callout>
    ) : (
      <p className="flex items-center gap-2 text-[13px] text-muted">
        <Spinner /> Opening…
      </p>
    );
  }

  const problem = formProblem(form);
  async function save() {
    if (!task || !form || problem) return;
    const patch = patchOf(task, form);
    if (Object.keys(patch).length === 0) return onClose();
    setBusy(true);
    setError(null);
    try {
      await store.updateTask(task.id, patch);
      store.say(`Saved “${form.title.trim()}”.`);
      onClose();
      void store.load();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }
  async function remove() {
    setBusy(true);
    try {
      await store.deleteTask(id);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <form
      className="flex min-w-0 flex-col gap-4"
      data-testid="task-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TaskFields form={form} goals={goals} projects={projects} onChange={(p) => setForm({ ...form, ...p })} />
      {task.parentId === null ? <SubtaskList task={task} onChanged={() => void reload(false)} /> : null}
      {error ? <Callout tone="danger">{error}</Callout> : null}
      {problem ? <p className="text-right text-[12px] text-muted">{problem}</p> : null}
      <ModalActions>
        {confirmDelete ? (
          <Button variant="danger" size="sm" icon={Trash2} busy={busy} onClick={() => void remove()} className="mr-auto" data-testid="task-delete-confirm">
            Delete with its sub-tasks
          </Button>
        ) : (
          <Button variant="ghost" size="sm" icon={Trash2} onClick={() => setConfirmDelete(true)} className="mr-auto" data-testid="task-delete">
            Delete
          </Button>
        )}
        <Button size="sm" onClick={onClose}>
          Cancel
        </Button>
        <Button size="sm" variant="primary" type="submit" busy={busy} disabled={problem !== null} title={problem ?? undefined} data-testid="task-save">
          Save
        </Button>
      </ModalActions>
    </form>
  );
}
