import { vaultContract } from '../../../src-shared/domains/vault/vault.contract';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import type { Router } from '../../ipc/router';

export const registerVaultIpc = (router: Router, service: ServiceOf<typeof vaultContract>): void => router.register(vaultContract, service);
