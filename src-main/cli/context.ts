import path from 'node:path';
import type { ProfileSummary } from '../../src-shared/domains/profile/profile.schemas';
import type { AppClient } from '../../src-shared/ipc/channels';
import { createCore, type Core } from '../app/bootstrap';
import { routerClient } from '../app/router-client';
import { kdfCostFromEnv, profileRootFromEnv } from '../app/environment';
import { serveTestClock } from '../host/test-clock';
import { readPassword, UsageError } from './io';

export interface GlobalFlags {
  profile?: string;
  passwordFile?: string;
  json: boolean;
}

/** What every CLI command gets: the same core as the app, plus helpers to pick and unlock a profile. */
export interface CliContext {
  core: Core;
  flags: GlobalFlags;
  /** The typed client over the router (validation and typed errors included): `ctx.client.vault.list({})`. */
  client: AppClient;
  /** Picks the profile (--profile NAME or the only one) and unlocks it with the master password. */
  unlock(): Promise<ProfileSummary>;
  /** Resolves the profile named by --profile, or the only one. */
  pickProfile(): Promise<ProfileSummary>;
}

export function createCliContext(flags: GlobalFlags, version: string, transport: 'cli' | 'web' = 'cli'): CliContext {
  const core = createCore({
    root: profileRootFromEnv(),
    transport,
    version,
    kdfCost: kdfCostFromEnv(),
    resourcesDir: path.resolve(__dirname, '../../resources'),
    // Test-only: browser mode with HEARTH_TEST_HOOKS=1 gets a clock the e2e tests can move (src-main/host/test-clock.ts).
    now: transport === 'web' ? serveTestClock?.now : undefined,
  });

  const client = routerClient(core, 'cli');

  const pickProfile = async (): Promise<ProfileSummary> => {
    const profiles = await core.profiles.store.list();
    if (flags.profile !== undefined) {
      const wanted = flags.profile;
      const found = profiles.find((p) => p.name === wanted || p.id === wanted);
      if (!found) throw new UsageError(`No profile named "${wanted}". Run: hearth profile list`);
      return found;
    }
    if (profiles.length === 0) throw new UsageError('No profiles yet. Run: hearth profile create --name NAME');
    if (profiles.length > 1) throw new UsageError(`There are ${profiles.length} profiles; choose one with --profile NAME.`);
    return profiles[0]!;
  };

  return {
    core,
    flags,
    client,
    pickProfile,
    unlock: async () => {
      const profile = await pickProfile();
      const password = await readPassword({ passwordFile: flags.passwordFile, prompt: `Master password for ${profile.name}: ` });
      return client.profile.unlock({ profileId: profile.id, password });
    },
  };
}

export const rendererDirFrom = (cliDir: string): string => path.resolve(cliDir, '../renderer');
