import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ChangeAuthRequest,
  PreloginRequest,
  PreloginResponse,
  RefreshRequest,
  RefreshResponse,
  SessionResponse,
  SignInRequest,
  SignUpRequest,
} from '../../src-shared/sync/protocol';
import { changeAuth, prelogin, signIn, signUp } from '../auth/accounts';
import { revokeDevice, rotateRefreshToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { principalOf, requireAuth } from '../http/principal';
import { parseInput, sendParsed } from '../http/validate';

/** A request that carries no body (or an empty JSON object). */
export const EmptyBody = z.union([z.undefined(), z.null(), z.strictObject({})]);

/**
 * Accounts and sessions: sign-up, prelogin, sign-in, refresh, sign-out and password change. Every route here is
 * rate limited per IP (limits.authRateLimit); failed secrets also count toward the account's lockout.
 */
export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const rateLimit = { max: ctx.limits.authRateLimit.max, timeWindow: ctx.limits.authRateLimit.timeWindowMs };
  const limited = { config: { rateLimit } };
  const auth = requireAuth(ctx);

  app.post('/v1/accounts', limited, async (req, reply) => sendParsed(reply, SessionResponse, await signUp(ctx, parseInput(SignUpRequest, req.body))));

  app.post('/v1/auth/prelogin', limited, async (req, reply) => {
    const { email } = parseInput(PreloginRequest, req.body);
    return sendParsed(reply, PreloginResponse, { kdf: await prelogin(ctx, email) });
  });

  app.post('/v1/auth/login', limited, async (req, reply) => {
    const session = await signIn(ctx, parseInput(SignInRequest, req.body));
    req.principal = { accountId: session.accountId, deviceId: session.deviceId };
    return sendParsed(reply, SessionResponse, session);
  });

  app.post('/v1/auth/refresh', limited, async (req, reply) => {
    const { refreshToken } = parseInput(RefreshRequest, req.body);
    return sendParsed(reply, RefreshResponse, { tokens: await rotateRefreshToken(ctx, refreshToken) });
  });

  app.post('/v1/auth/logout', { ...limited, preHandler: auth }, async (req, reply) => {
    parseInput(EmptyBody, req.body);
    await revokeDevice(ctx.db, ctx.now(), principalOf(req).deviceId);
    return reply.code(204).send();
  });

  app.post('/v1/account/auth', { ...limited, preHandler: auth }, async (req, reply) => {
    await changeAuth(ctx, principalOf(req), parseInput(ChangeAuthRequest, req.body));
    return reply.code(204).send();
  });
}
