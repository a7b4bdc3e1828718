import { altShortcutLabel, isMac, shortcutLabel } from '../lib/shortcuts';
import { Kbd } from '../ui/Kbd';
import { Modal } from '../ui/Modal';
import { MODULES } from './modules';

/** The last module's number key (modules are numbered in their order). */
const LAST = MODULES.at(-1)?.shortcut ?? '1';

const shift = (key: string): string => (isMac ? `⇧⌘${key}` : `Ctrl+Shift+${key}`);

/** Every shortcut, with the Alt/⌥ way in for the Ctrl keys a browser keeps for itself (browser mode). */
const ROWS: { what: string; keys: string[] }[] = [
  { what: `Open ${MODULES.map((m) => m.label).join(', ')}`, keys: [`${shortcutLabel('1')}…${LAST}`, `${altShortcutLabel('1')}…${LAST}`] },
  { what: 'Lock Hearth', keys: [shortcutLabel('L'), altShortcutLabel('L')] },
  { what: 'Settings', keys: [shortcutLabel(',')] },
  { what: 'Search the vault', keys: [shortcutLabel('F')] },
  { what: 'New login', keys: [shortcutLabel('N'), altShortcutLabel('N')] },
  { what: 'Edit the open item', keys: [shortcutLabel('E'), altShortcutLabel('E')] },
  { what: 'Copy password', keys: [shift('C'), altShortcutLabel('C')] },
  { what: 'Copy one-time code', keys: [shift('T'), altShortcutLabel('T')] },
  { what: 'Copy username', keys: [shortcutLabel('B'), altShortcutLabel('B')] },
  { what: 'Save the item being edited', keys: [shortcutLabel('S')] },
  { what: 'Journal: search', keys: [shortcutLabel('K'), '/'] },
  { what: 'Journal: new entry', keys: [shortcutLabel('N'), altShortcutLabel('N')] },
  { what: "Journal: today's entry", keys: [shortcutLabel('D'), altShortcutLabel('D')] },
  { what: 'Calendar: today', keys: ['T'] },
  { what: 'Calendar: previous / next period', keys: ['←', '→', 'K', 'J'] },
  { what: 'Calendar: day, week, month, year, agenda', keys: ['D', 'W', 'M', 'Y', 'A'] },
  { what: 'Calendar: new event', keys: ['N'] },
  { what: 'Calendar: search', keys: ['/'] },
  { what: 'Goals: quick add a task', keys: ['Q', 'N'] },
  { what: 'Email: search', keys: [shortcutLabel('F'), '/'] },
  { what: 'Email: next / previous message', keys: ['J', 'K'] },
  { what: 'Email: read the selected message', keys: ['Enter'] },
  { what: 'Goals: Today, Upcoming, Board, Logbook', keys: ['T', 'U', 'B', 'L'] },
  { what: 'Goals: filter the task list', keys: ['/'] },
  { what: 'Goals: next / previous task', keys: ['J', 'K'] },
  { what: 'Goals: complete the selected task', keys: ['X', 'Space'] },
  { what: 'Goals: open the selected task', keys: ['Enter'] },
  { what: 'Goals: move the selected card on the board', keys: ['⇧←', '⇧→'] },
  { what: 'This list', keys: ['?'] },
];

/** The keyboard help: opened with "?" or from the sidebar. */
export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      size="md"
      title="Keyboard shortcuts"
      description="In a browser tab, use the Alt keys: the browser keeps some Ctrl keys for itself."
    >
      <table className="w-full text-[13px]" data-testid="shortcuts-help">
        <tbody className="divide-y divide-line">
          {ROWS.map((row) => (
            <tr key={row.what}>
              <td className="py-1.5 pr-3 text-text">{row.what}</td>
              <td className="py-1.5 text-right whitespace-nowrap">
                {row.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? <span className="px-1 text-[11px] text-faint">or</span> : null}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
