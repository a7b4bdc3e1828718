import type { ImportPreview } from '../../../../src-shared/domains/goals/goals.schemas';
import { fmtDay, plural } from '../plans/goals-ui';

const FORMAT = { todoist: 'Todoist CSV', ticktick: 'TickTick CSV', ics: 'iCalendar to-dos', hearth: 'Hearth goals JSON' } as const;

/** What an import would do: counts, duplicates, skipped rows with why, warnings, and the first tasks as stored. */
export function ImportPreviewSummary({ preview: p }: { preview: ImportPreview }) {
  return (
    <div className="flex flex-col gap-2" data-testid="goals-import-preview">
      <p>
        <span className="font-medium" data-testid="goals-import-format">
          {FORMAT[p.format]}
        </span>
        {': '}
        <span data-testid="goals-import-counts">
          {[
            plural(p.tasks, 'task'),
            plural(p.subtasks, 'sub-task'),
            `${p.completed} completed`,
            `${p.recurring} repeating`,
            plural(p.projects.length, 'project'),
            plural(p.tags.length, 'tag'),
          ].join(', ')}
        </span>
      </p>
      {p.records.length > 0 ? (
        // A Hearth file holds every goals table, not only tasks: how many of each kind.
        <p className="text-[12px] break-words text-muted" data-testid="goals-import-records">
          {p.records.map((r) => `${r.count} ${r.kind}`).join(', ')}
        </p>
      ) : null}
      <p className={p.duplicates ? 'text-warning' : 'text-muted'} data-testid="goals-import-duplicates">
        {p.duplicates
          ? p.format === 'hearth'
            ? `${plural(p.duplicates, 'record')} already in this profile: skipped.`
            : `${plural(p.duplicates, 'task')} already imported from this source: skipped.`
          : 'No duplicates.'}
      </p>
      {p.skipped.length > 0 ? (
        <div>
          <p className="text-muted">{p.format === 'hearth' ? 'Not imported:' : 'Not imported as tasks:'}</p>
          <ul className="ml-4 list-disc text-[12px] text-muted" data-testid="goals-import-skipped">
            {p.skipped.map((s) => (
              <li key={s.reason}>{`${s.count} × ${s.reason}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.warnings.map((w) => (
        <p key={w} className="text-xs text-warning" data-testid="goals-import-warning">
          {w}
        </p>
      ))}
      {p.projects.length > 0 ? <p className="text-[12px] break-words text-muted">{`Projects: ${p.projects.join(', ')}`}</p> : null}
      {p.sample.length > 0 ? (
        <div className="flex flex-col gap-1">
          <p className="text-muted">The first tasks as they will be stored:</p>
          <ul
            className="flex max-h-60 flex-col divide-y divide-line overflow-y-auto rounded-md border border-line text-[12px]"
            data-testid="goals-import-sample"
          >
            {p.sample.map((s, i) => (
              <li key={i} className="flex flex-col px-2 py-1">
                <span className="break-words text-text">{`${'↳ '.repeat(Math.min(s.depth, 3))}${s.title}`}</span>
                <span className="break-words text-faint">
                  {[s.dueDate ? `due ${fmtDay(s.dueDate)}` : 'no due date', `P${s.priority}`, s.project, ...s.tags.map((t) => `#${t}`)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
