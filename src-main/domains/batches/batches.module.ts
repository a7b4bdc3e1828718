import type { batchesContract } from '../../../src-shared/domains/batches/batches.contract';
import type { ModuleFactory } from '../../platform/module';
import type { BatchesDeps } from './batches-context';
import { loadCustomerPageScript } from './customer-page/customer-page-script';
import { createBatchesService } from './batches.service';

/** The batches module with its image decoder and customer page script (tests give their own). */
export const batchesModuleWith =
  (deps: BatchesDeps): ModuleFactory<typeof batchesContract> =>
  (ctx) => ({ handlers: createBatchesService(ctx, deps) });

/** The batches module: the freshness register's handlers over the DomainContext. */
export const createBatchesModule = batchesModuleWith({ customerPageScript: loadCustomerPageScript });
