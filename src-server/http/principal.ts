import type { FastifyRequest } from 'fastify';
import { authenticate, type Principal } from '../auth/tokens';
import type { ServerContext } from '../context';
import { unauthorized } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth pre-handler on protected routes (also what the request log line names). */
    principal: Principal | null;
  }
}

/** The bearer token of a request, or null (the header is never logged: see ops/logging.ts). */
function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(h);
  return m?.[1] ?? null;
}

/** A Fastify pre-handler that refuses requests without a live access token (UNAUTHORIZED) and records who asks. */
export function requireAuth(ctx: ServerContext) {
  return async (req: FastifyRequest): Promise<void> => {
    const token = bearerOf(req);
    const principal = token ? await authenticate(ctx, token) : null;
    if (!principal) throw unauthorized('A valid access token is required');
    req.principal = principal;
  };
}

/** The principal of a request that passed {@link requireAuth}. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthorized('A valid access token is required');
  return req.principal;
}
