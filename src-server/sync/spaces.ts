import type { Principal } from '../auth/tokens';
import type { ServerContext } from '../context';
import { forbidden } from '../http/errors';

/** What a request wants to do in a space: read (pull, download) or write (push, upload). */
export type SpaceAccess = 'read' | 'write';

/**
 * Space authorization, the server's half of sharing (keys are the other half): the personal space (id = account
 * id) is its own devices' only; a collection is its members' — everyone reads, owners and editors write, a viewer
 * writing is FORBIDDEN. Anything else (another account's space, a collection one was removed from, an unknown id)
 * is FORBIDDEN, without saying whether the space exists.
 */
export async function authorizeSpace(ctx: ServerContext, me: Principal, spaceId: string, access: SpaceAccess): Promise<void> {
  if (spaceId === me.accountId) return;
  const member = await ctx.db
    .selectFrom('members')
    .select('role')
    .where('collection_id', '=', spaceId)
    .where('account_id', '=', me.accountId)
    .executeTakeFirst();
  if (!member) throw forbidden();
  if (access === 'write' && member.role === 'viewer') throw forbidden('Viewers cannot change this collection');
}
