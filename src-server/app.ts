import { randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { ErrorResponse, SYNC_LIMITS } from '../src-shared/sync/protocol';
import type { BlobDriver } from './blobs/blob-driver';
import { BlobError } from './blobs/blob-error';
import { DEFAULT_LIMITS, type ServerContext, type ServerLimits } from './context';
import type { ServerDatabase } from './db/database';
import { ServerError } from './http/errors';
import { mapError } from './http/error-mapping';
import { loggerOptions, safeError, type ServerLogOptions } from './ops/logging';
import { startMaintenance } from './ops/maintenance';
import { createMetrics } from './ops/metrics';
import { registerAuthRoutes } from './routes/auth.routes';
import { registerBlobRoutes } from './routes/blobs.routes';
import { registerCollectionRoutes } from './routes/collections.routes';
import { registerDeviceRoutes } from './routes/devices.routes';
import { registerOpsRoutes } from './routes/ops.routes';
import { registerSyncRoutes } from './routes/sync.routes';

/** What {@link buildServer} needs; everything but db and blobs has a production default. */
export interface BuildServerOptions {
  db: Kysely<ServerDatabase>;
  blobs: BlobDriver;
  /** The server clock, ms since the epoch (tests move it). */
  now?: () => number;
  /** JSON log lines (pino) to a stream, or false for none. Never carries bodies, tokens, emails or envelopes. */
  log?: ServerLogOptions;
  limits?: Partial<ServerLimits>;
  /** Keys the made-up prelogin answers for unknown emails; a random one per process when absent. */
  secret?: Buffer;
  /** Trust X-Forwarded-For from a reverse proxy (for per-IP rate limits behind a load balancer). Default false. */
  trustProxy?: boolean;
}

/** Turns any thrown value into the protocol's ErrorResponse (and a log line without its message). */
function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const mapped = err instanceof BlobError ? { ...mapError(new ServerError(err.syncCode, err.message)), unexpected: err.code === 'STORAGE' } : mapError(err);
    if (mapped.unexpected || mapped.code === 'UNAVAILABLE')
      req.log.error({ err: safeError(err), route: req.routeOptions.url ?? 'unmatched' }, 'request failed');
    const body = ErrorResponse.parse({ error: { code: mapped.code, message: mapped.message } });
    return reply.code(mapped.status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
  app.setNotFoundHandler((_req, reply) => {
    const body = ErrorResponse.parse({ error: { code: 'NOT_FOUND', message: 'No such route' } });
    return reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
}

/** Routes whose query string is validated by their own schema; every other route refuses any query parameter. */
const ROUTES_WITH_QUERY = new Set(['/v1/sync/pull', '/v1/blobs/:id', '/v1/users/public-key', '/v1/collections', '/v1/devices']);

/** Strict validation of the parts a route does not read itself: an unexpected query parameter is BAD_REQUEST. */
function installQueryGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const route = req.routeOptions.url;
    if (route && !ROUTES_WITH_QUERY.has(route) && Object.keys(req.query as object).length > 0) {
      throw new ServerError('BAD_REQUEST', 'This route takes no query parameters');
    }
  });
}

/** One log line and one metrics sample per request: metadata only (ops/logging.ts says why). */
function installRequestLog(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('principal', null);
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const ms = reply.elapsedTime;
    ctx.metrics.observeRequest(req.method, route, reply.statusCode, ms / 1000);
    req.log.info(
      {
        method: req.method,
        route,
        status: reply.statusCode,
        ms: Math.round(ms * 10) / 10,
        accountId: req.principal?.accountId,
        deviceId: req.principal?.deviceId,
      },
      'request',
    );
  });
}

/**
 * Builds the sync server (not listening: call `.listen({ host: '127.0.0.1', port })` or use `.inject`). The
 * composition root of src-server: context, error mapping, logging, rate limits and every route group. Run
 * `migrateServerDb(db)` before (src-server/main.ts does), and close the db after the server.
 */
export async function buildServer(opts: BuildServerOptions): Promise<FastifyInstance> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  // SECURITY: access tokens never outlive the protocol's maximum, whatever the configuration says.
  limits.accessTokenSeconds = Math.min(limits.accessTokenSeconds, SYNC_LIMITS.accessTokenSeconds);
  const now = opts.now ?? Date.now;
  const ctx: ServerContext = {
    db: opts.db,
    blobs: opts.blobs,
    now: () => new Date(now()),
    limits,
    secret: opts.secret ?? randomBytes(32),
    metrics: createMetrics(),
  };
  const app = Fastify({
    ...loggerOptions(opts.log),
    bodyLimit: limits.pushBodyBytes,
    trustProxy: opts.trustProxy ?? false,
    // Request ids in log lines are counters, not derived from anything the client sent.
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 100 },
  });
  installErrorHandling(app);
  installRequestLog(app, ctx);
  installQueryGuard(app);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new ServerError('RATE_LIMITED', 'Too many requests; try again later'),
  });
  registerOpsRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerCollectionRoutes(app, ctx);
  await app.register(async (scope) => registerBlobRoutes(scope, ctx));
  const maintenance = startMaintenance(ctx.db, app.log, limits.maintenanceIntervalMs, ctx.now, limits.refreshTokenSeconds * 1000);
  app.addHook('onClose', async () => maintenance.stop());
  return app;
}
