import type { ChangePasswordInput } from '../../src-shared/domains/profile/profile.schemas';
import type { profileContract } from '../../src-shared/domains/profile/profile.contract';
import type { sessionContract } from '../../src-shared/domains/session/session.contract';
import type { CallContext, ServiceOf } from '../../src-shared/ipc/define';
import { AppError } from '../../src-shared/ipc/result';
import type { CurrentSecret, ProfileService } from './profile.service';

/** `allowWeakPassword` is a CLI override; from the app or browser mode it is refused outright. */
export function allowWeakFrom(input: { allowWeakPassword?: boolean }, ctx: CallContext): boolean {
  if (!input.allowWeakPassword) return false;
  if (ctx.transport !== 'cli' && ctx.transport !== 'test') throw new AppError('FORBIDDEN', 'Only the command line can accept a weak master password.');
  return true;
}

const currentSecretOf = (input: ChangePasswordInput): CurrentSecret =>
  'currentPassword' in input ? { password: input.currentPassword } : { recoveryKey: input.currentRecoveryKey };

/** The profile contract, over a ProfileService. */
export function createProfileHandlers(profiles: ProfileService): ServiceOf<typeof profileContract> {
  return {
    list: () => profiles.store.list(),
    create: (input, ctx) => profiles.create(input.name, input.password, { allowWeak: allowWeakFrom(input, ctx) }),
    unlock: (input) => profiles.unlock(input),
    rename: ({ profileId, name }) => profiles.rename(profileId, name),
    delete: async ({ profileId, password }) => {
      await profiles.delete(profileId, password);
      return { deleted: true as const };
    },
    changePassword: async (input, ctx) => {
      await profiles.changePassword(currentSecretOf(input), input.newPassword, { allowWeak: allowWeakFrom(input, ctx) });
      return { changed: true as const };
    },
    regenerateRecoveryKey: async ({ password }) => ({ recoveryKey: await profiles.regenerateRecoveryKey(password) }),
  };
}

export interface IdleClock {
  touch(): string | null;
}

/** The session contract, over a ProfileService and the idle lock. */
export function createSessionHandlers(profiles: ProfileService, idle: IdleClock): ServiceOf<typeof sessionContract> {
  return {
    status: () => {
      const s = profiles.session();
      return { unlocked: s !== null, profile: s ? { ...s.profile } : null, mustChangePassword: profiles.mustChangePassword };
    },
    lock: () => {
      profiles.lock('user');
      return { locked: true as const };
    },
    touch: () => ({ idleLockAt: idle.touch() }),
  };
}
