import type { JoinInput, JoinResult } from '../../../src-shared/domains/sync/sync.schemas';
import { api } from '../../api/client';

/** Joins a synced account while locked (a public op): a new profile with the account's data, unlocked. */
export const joinAccount = (input: JoinInput): Promise<JoinResult> => api.sync.join(input);
