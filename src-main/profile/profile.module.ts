import type { profileContract } from '../../src-shared/domains/profile/profile.contract';
import type { sessionContract } from '../../src-shared/domains/session/session.contract';
import type { ModuleFactory } from '../platform/module';
import { createProfileHandlers, createSessionHandlers } from './profile.handlers';

/** Profiles (create, unlock, password): the core's ProfileService behind the profile contract. */
export const createProfileModule: ModuleFactory<typeof profileContract> = ({ host }) => ({ handlers: createProfileHandlers(host.profiles) });

/** The session (status, lock, activity). */
export const createSessionModule: ModuleFactory<typeof sessionContract> = ({ host }) => ({ handlers: createSessionHandlers(host.profiles, host.idle) });
