import type { SyncConflict } from '../../../src-shared/domains/sync/sync.schemas';
import { SYNC_UI_LIMITS } from '../../../src-shared/domains/sync/sync.schemas';
import type { SyncConflict as EngineSyncConflict } from '../../sync/engine';

/** A conflict as the engine returns it. */
type EngineConflict = Omit<EngineSyncConflict, 'reason'>;

/** Vault columns that are safe to show; every other vault value (secrets, sealed history, notes) shows as hidden. */
const VAULT_VISIBLE = new Set(['title', 'subtitle', 'folder', 'tags', 'favorite', 'type', 'deleted_at']);
const SECRET_FIELD = /secret|password|passphrase|sealed|token|totp|otp|pin|cvv|key|credential/i;
export const HIDDEN = '(hidden)';

/**
 * The losing value as short text for the conflicts view. A vault secret that lost a race must not appear on screen
 * (or in `hearth sync` output) in the clear just because it lost: vault values other than plain labels, and any
 * column named like a secret, show as "(hidden)" — the value stays in the item's history.
 */
export function previewConflict(c: EngineConflict): SyncConflict {
  const hidden = (c.table.startsWith('vault_') && !VAULT_VISIBLE.has(c.field)) || SECRET_FIELD.test(c.field);
  let value: string;
  if (hidden) value = HIDDEN;
  else if (c.value === null || c.value === undefined) value = '(empty)';
  else if (typeof c.value === 'string') value = c.value;
  else if (typeof c.value === 'object' && c.value !== null && '$b' in c.value) value = '(binary)';
  else value = JSON.stringify(c.value) ?? '';
  const max = SYNC_UI_LIMITS.valuePreview;
  return {
    id: c.id.slice(0, 64),
    table: c.table.slice(0, 64),
    rowId: c.rowId.slice(0, 200),
    field: c.field.slice(0, 64),
    value: value.length > max ? `${value.slice(0, max - 1)}…` : value,
    hlc: c.hlc.slice(0, 100),
    lostToHlc: c.lostToHlc.slice(0, 100),
    at: c.at.slice(0, 40),
  };
}
