import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DeviceList, ServerId } from '../../src-shared/sync/protocol';
import { revokeDevice } from '../auth/tokens';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { principalOf, requireAuth } from '../http/principal';
import { parseInput, sendParsed } from '../http/validate';
import { EmptyBody } from './auth.routes';

const NoQuery = z.strictObject({});
const DeviceParams = z.strictObject({ id: ServerId });

/** The account's devices (each sign-in is one), and revoking one: its tokens stop working at once. */
export function registerDeviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const preHandler = requireAuth(ctx);

  app.get('/v1/devices', { preHandler }, async (req, reply) => {
    parseInput(NoQuery, req.query);
    const me = principalOf(req);
    const rows = await ctx.db.selectFrom('devices').selectAll().where('account_id', '=', me.accountId).orderBy('created_at').orderBy('id').execute();
    return sendParsed(reply, DeviceList, {
      devices: rows.map((d) => ({
        id: d.id,
        name: d.name,
        createdAt: d.created_at.toISOString(),
        lastSeenAt: d.last_seen_at?.toISOString() ?? null,
        revokedAt: d.revoked_at?.toISOString() ?? null,
        current: d.id === me.deviceId,
      })),
    });
  });

  app.delete('/v1/devices/:id', { preHandler }, async (req, reply) => {
    parseInput(EmptyBody, req.body);
    const { id } = parseInput(DeviceParams, req.params);
    const me = principalOf(req);
    const own = await ctx.db.selectFrom('devices').select('id').where('id', '=', id.toLowerCase()).where('account_id', '=', me.accountId).executeTakeFirst();
    // SECURITY: another account's device is "not found", never revoked.
    if (!own) throw notFound('No such device');
    await ctx.db.transaction().execute((trx) => revokeDevice(trx, ctx.now(), own.id));
    return reply.code(204).send();
  });
}
