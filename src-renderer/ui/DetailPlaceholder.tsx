import type { ReactNode } from 'react';
import { Callout } from './Callout';
import { Spinner } from './Spinner';

/**
 * What a detail pane shows before it has its record: `empty` when nothing is chosen, the error when loading
 * failed, a spinner while it loads; null once the record is there. Vault items, files and entries share it.
 */
export function detailPlaceholder(state: { selected: boolean; error: string | null; loaded: boolean; empty: ReactNode; errorClassName?: string }): ReactNode {
  if (!state.selected) return state.empty;
  if (state.error)
    return (
      <Callout tone="danger" className={state.errorClassName ?? 'm-6'}>
        {state.error}
      </Callout>
    );
  if (!state.loaded) {
    return (
      <div className="flex h-full items-center justify-center text-muted">
        <Spinner />
      </div>
    );
  }
  return null;
}
