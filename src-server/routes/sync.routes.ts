import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PullQuery, PullResponse, PushRequest, PushResponse } from '../../src-shared/sync/protocol';
import type { ServerContext } from '../context';
import { principalOf, requireAuth } from '../http/principal';
import { parseInput, sendParsed } from '../http/validate';
import { pullChanges, pushChanges } from '../sync/changes';
import { purgeTombstones } from '../sync/purge';
import { authorizeSpace } from '../sync/spaces';

/** Notes the device as seen (at most once a minute, so a busy device does not write on every request). */
async function touchDevice(ctx: ServerContext, req: FastifyRequest): Promise<void> {
  const now = ctx.now();
  await ctx.db
    .updateTable('devices')
    .set({ last_seen_at: now })
    .where('id', '=', principalOf(req).deviceId)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', new Date(now.getTime() - 60_000))]))
    .execute();
}

/** Push and pull of a space's sealed changes (docs/sync.md#protocol). */
export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const preHandler = requireAuth(ctx);

  app.post('/v1/sync/push', { preHandler }, async (req, reply) => {
    const body = parseInput(PushRequest, req.body);
    const me = principalOf(req);
    const spaceId = body.spaceId.toLowerCase();
    await authorizeSpace(ctx, me, spaceId, 'write');
    const result = await pushChanges(ctx, me, spaceId, body.changes);
    await touchDevice(ctx, req);
    // Tombstones every device has seen go now (the periodic job catches spaces that stop pushing).
    const staleBefore = new Date(ctx.now().getTime() - ctx.limits.refreshTokenSeconds * 1000);
    ctx.metrics.inc('hearth_changes_purged_total', await purgeTombstones(ctx.db, spaceId, staleBefore));
    return sendParsed(reply, PushResponse, result);
  });

  app.get('/v1/sync/pull', { preHandler }, async (req, reply) => {
    const q = parseInput(PullQuery, req.query);
    const me = principalOf(req);
    const spaceId = q.spaceId.toLowerCase();
    await authorizeSpace(ctx, me, spaceId, 'read');
    const page = await pullChanges(ctx, me, spaceId, q.since, q.limit);
    await touchDevice(ctx, req);
    return sendParsed(reply, PullResponse, page);
  });
}
