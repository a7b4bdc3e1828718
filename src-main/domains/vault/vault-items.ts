import { createVaultCore, type VaultDeps } from './vault-core';
import { createVaultEdit } from './vault-edit';
import { createVaultRead } from './vault-read';
import { createVaultReveal } from './vault-reveal';

export { TRASH_RETENTION_DAYS, type VaultDeps } from './vault-core';

/** Vault items, assembled from their parts: core (cache, rows, re-prompt), read, edit, reveal. */
export function createVaultItems(deps: VaultDeps) {
  const core = createVaultCore(deps);
  return { ...createVaultRead(core), ...createVaultEdit(core), ...createVaultReveal(core), reset: core.reset };
}

export type VaultItems = ReturnType<typeof createVaultItems>;
