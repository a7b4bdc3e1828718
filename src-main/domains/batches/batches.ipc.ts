import { batchesContract } from '../../../src-shared/domains/batches/batches.contract';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import type { Router } from '../../ipc/router';

export const registerBatchesIpc = (router: Router, service: ServiceOf<typeof batchesContract>): void => router.register(batchesContract, service);
