import * as Menu from '@radix-ui/react-dropdown-menu';
import { Plus } from 'lucide-react';
import { shortcutLabel, shortcutPairLabel } from '../../../lib/shortcuts';
import { Button } from '../../../ui/Button';
import { Tooltip } from '../../../ui/Tooltip';
import { useVaultStore } from '../vault.store';
import { ITEM_TYPES, TYPE_ORDER } from './ItemIcon';

/**
 * "New" with a menu of item types. `modal={false}`: a modal Radix menu wraps itself in
 * react-remove-scroll, which injects a <style> element that our CSP refuses (see ui/Modal.tsx).
 */
export function NewItemMenu({ compact = false }: { compact?: boolean }) {
  const startCreate = useVaultStore((s) => s.startCreate);
  const trigger = compact ? (
    <Button size="sm" variant="primary" icon={Plus} aria-label="New item" aria-keyshortcuts="Control+N Alt+N" className="h-8 w-8 px-0" />
  ) : (
    <Button size="sm" variant="primary" icon={Plus}>
      New item
    </Button>
  );
  return (
    <Menu.Root modal={false}>
      {compact ? (
        <Tooltip label="New item" shortcut={shortcutPairLabel(shortcutLabel('N'), 'N')}>
          <Menu.Trigger asChild>{trigger}</Menu.Trigger>
        </Tooltip>
      ) : (
        <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      )}
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="animate-fade-in z-50 min-w-[180px] rounded-lg border border-line bg-raised p-1 shadow-pop">
          {TYPE_ORDER.map((type) => {
            const { icon: Icon, label } = ITEM_TYPES[type];
            return (
              <Menu.Item
                key={type}
                onSelect={() => startCreate(type)}
                className="flex h-8 cursor-default items-center gap-2.5 rounded-md px-2.5 text-[13px] text-text outline-none data-[highlighted]:bg-hover"
              >
                <Icon className="size-4 text-muted" aria-hidden />
                {label}
              </Menu.Item>
            );
          })}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
