import { CreditCard, IdCard, KeyRound, StickyNote, type LucideIcon } from 'lucide-react';
import type { ItemType } from '../../../../src-shared/domains/vault/vault.schemas';
import { cx } from '../../../ui/cx';

/** Per type: icon, singular and plural names, and a tint (no favicons: Hearth never fetches them). */
export const ITEM_TYPES: Record<ItemType, { icon: LucideIcon; label: string; plural: string; tint: string }> = {
  login: { icon: KeyRound, label: 'Login', plural: 'Logins', tint: 'bg-accent-soft text-accent' },
  note: { icon: StickyNote, label: 'Secure note', plural: 'Secure notes', tint: 'bg-warning-soft text-warning' },
  card: { icon: CreditCard, label: 'Card', plural: 'Cards', tint: 'bg-success-soft text-success' },
  identity: { icon: IdCard, label: 'Identity', plural: 'Identities', tint: 'bg-subtle text-muted' },
};

export const TYPE_ORDER: ItemType[] = ['login', 'note', 'card', 'identity'];

/** The type icon in a soft rounded square. */
export function ItemIcon({ type, size = 'md' }: { type: ItemType; size?: 'sm' | 'md' | 'lg' }) {
  const { icon: Icon, tint } = ITEM_TYPES[type];
  return (
    <span
      aria-hidden
      className={cx(
        'inline-flex shrink-0 items-center justify-center',
        tint,
        size === 'sm' && 'size-7 rounded-md',
        size === 'md' && 'size-8 rounded-lg',
        size === 'lg' && 'size-11 rounded-xl',
      )}
    >
      <Icon className={size === 'lg' ? 'size-5' : 'size-4'} strokeWidth={1.9} />
    </span>
  );
}
