import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { EditScope } from '../../../../src-shared/domains/calendar/calendar.schemas';
import { Button } from '../../../ui/Button';
import { Kbd } from '../../../ui/Kbd';
import { Modal } from '../../../ui/Modal';

type Action = 'edit' | 'move' | 'delete';

const TITLES: Record<Action, string> = { edit: 'Save recurring event', move: 'Move recurring event', delete: 'Delete recurring event' };
const CHOICES: { scope: EditScope; label: string; key: string }[] = [
  { scope: 'this', label: 'This event', key: '1' },
  { scope: 'following', label: 'This and following events', key: '2' },
  { scope: 'all', label: 'All events', key: '3' },
];

/**
 * Which instances of a repeating event a change applies to, asked the way Google and Apple Calendar ask.
 * `ask` resolves with the scope, or null when cancelled (Esc, Cancel, closing). Keys 1/2/3 choose.
 */
export function useScopePrompt(): { ask(action: Action): Promise<EditScope | null>; element: ReactNode } {
  const [action, setAction] = useState<Action | null>(null);
  const resolver = useRef<((scope: EditScope | null) => void) | null>(null);

  const finish = useCallback((scope: EditScope | null) => {
    resolver.current?.(scope);
    resolver.current = null;
    setAction(null);
  }, []);

  const ask = useCallback((next: Action) => {
    resolver.current?.(null); // a second question cancels an unanswered first one
    setAction(next);
    return new Promise<EditScope | null>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const choice = CHOICES.find((c) => c.key === e.key);
    if (choice && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      finish(choice.scope);
    }
  };

  const element = (
    <Modal
      open={action !== null}
      onOpenChange={(open) => !open && finish(null)}
      title={action ? TITLES[action] : ''}
      description={action === 'delete' ? 'Which events do you want to delete?' : 'Which events should change?'}
    >
      <div className="flex flex-col gap-2" onKeyDown={onKeyDown} data-testid="cal-scope">
        {CHOICES.map((c, i) => (
          <Button
            key={c.scope}
            autoFocus={i === 0}
            variant={action === 'delete' ? 'danger-outline' : 'secondary'}
            className="justify-between"
            data-scope={c.scope}
            onClick={() => finish(c.scope)}
          >
            {c.label}
            <Kbd>{c.key}</Kbd>
          </Button>
        ))}
        <Button variant="ghost" onClick={() => finish(null)}>
          Cancel
        </Button>
      </div>
    </Modal>
  );
  return { ask, element };
}
