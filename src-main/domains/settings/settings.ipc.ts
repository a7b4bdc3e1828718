import { settingsContract } from '../../../src-shared/domains/settings/settings.contract';
import type { ServiceOf } from '../../../src-shared/ipc/define';
import type { Router } from '../../ipc/router';

export const registerSettingsIpc = (router: Router, service: ServiceOf<typeof settingsContract>): void =>
  router.register(settingsContract, service);
