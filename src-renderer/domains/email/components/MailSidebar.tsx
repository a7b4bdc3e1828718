import { Folder, FolderOpen, Inbox, Tag } from 'lucide-react';
import { useShallow } from 'zustand/react/shallow';
import { cx } from '../../../ui/cx';
import { folderName } from '../email-format';
import { openView, useMailStore, type MailView } from '../email.store';

const itemClass = (active: boolean) =>
  cx(
    'flex h-7 w-full min-w-0 items-center gap-2 rounded-md pr-2 text-left text-[13px]',
    active ? 'bg-hover font-medium text-text' : 'text-muted hover:bg-hover/70 hover:text-text',
  );

const same = (a: MailView, b: MailView): boolean => JSON.stringify(a) === JSON.stringify(b);

function Count({ n }: { n: number }) {
  return <span className="ml-auto shrink-0 text-[11px] text-faint tabular-nums">{n.toLocaleString()}</span>;
}

/** The left pane: All mail, the archive's folders (indented by path) and its labels, each with its message count. */
export function MailSidebar() {
  const { view, folders, labels, navError } = useMailStore(useShallow((s) => ({ view: s.view, folders: s.folders, labels: s.labels, navError: s.navError })));
  const all = folders?.reduce((n, f) => n + f.messages, 0) ?? 0;
  return (
    <nav aria-label="Mail folders" className="flex w-[200px] shrink-0 flex-col gap-3 overflow-y-auto border-r border-line bg-canvas px-2 py-3 @max-4xl:hidden">
      <ul className="flex flex-col gap-px" data-testid="mail-folders">
        <li>
          <button
            type="button"
            className={cx(itemClass(view.kind === 'all'), 'pl-2')}
            onClick={() => openView({ kind: 'all' })}
            aria-current={view.kind === 'all' || undefined}
          >
            <Inbox className="size-4 shrink-0 text-faint" aria-hidden />
            <span className="truncate">All mail</span>
            {folders?.length ? <Count n={all} /> : null}
          </button>
        </li>
        {(folders ?? []).map((f) => {
          const v: MailView = { kind: 'folder', folderId: f.id };
          const active = same(view, v);
          const { name, depth } = folderName(f.path);
          const Icon = active ? FolderOpen : Folder;
          return (
            <li key={f.id}>
              <button
                type="button"
                className={itemClass(active)}
                style={{ paddingLeft: `${8 + depth * 12}px` }}
                onClick={() => openView(v)}
                aria-current={active || undefined}
                title={f.path}
                data-testid="mail-folder"
                data-path={f.path}
              >
                <Icon className={cx('size-4 shrink-0', active ? 'text-accent' : 'text-faint')} aria-hidden />
                <span className="truncate">{name}</span>
                <Count n={f.messages} />
              </button>
            </li>
          );
        })}
      </ul>
      {labels.length > 0 ? (
        <div>
          <h3 className="px-2 pb-1 text-[11px] font-medium text-faint">Labels</h3>
          <ul className="flex flex-col gap-px" data-testid="mail-labels">
            {labels.map((l) => {
              const v: MailView = { kind: 'label', label: l.label };
              return (
                <li key={l.label}>
                  <button
                    type="button"
                    className={cx(itemClass(same(view, v)), 'pl-2')}
                    onClick={() => openView(v)}
                    aria-current={same(view, v) || undefined}
                    data-testid="mail-label"
                  >
                    <Tag className="size-3.5 shrink-0 text-faint" aria-hidden />
                    <span className="truncate">{l.label}</span>
                    <Count n={l.messages} />
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {navError ? <p className="px-2 text-xs text-danger">{navError}</p> : null}
    </nav>
  );
}

/** In a narrow page (no left pane): the same choice as a select above the list. */
export function MailViewSelect() {
  const { view, folders, labels } = useMailStore(useShallow((s) => ({ view: s.view, folders: s.folders, labels: s.labels })));
  const value = view.kind === 'folder' ? `f:${view.folderId}` : view.kind === 'label' ? `l:${view.label}` : 'all';
  return (
    <select
      aria-label="Folder or label"
      className="field-input h-8 max-w-[40%] min-w-0 py-0 text-[13px] @4xl:hidden"
      value={value}
      onChange={(e) => {
        const v = e.target.value;
        openView(v.startsWith('f:') ? { kind: 'folder', folderId: v.slice(2) } : v.startsWith('l:') ? { kind: 'label', label: v.slice(2) } : { kind: 'all' });
      }}
    >
      <option value="all">All mail</option>
      {(folders ?? []).map((f) => (
        <option key={f.id} value={`f:${f.id}`}>{`${f.path} (${f.messages})`}</option>
      ))}
      {labels.map((l) => (
        <option key={l.label} value={`l:${l.label}`}>{`Label: ${l.label} (${l.messages})`}</option>
      ))}
    </select>
  );
}
