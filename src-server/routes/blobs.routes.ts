import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BlobId, ServerId } from '../../src-shared/sync/protocol';
import { BlobError } from '../blobs/blob-error';
import type { ServerContext } from '../context';
import { notFound, ServerError } from '../http/errors';
import { principalOf, requireAuth } from '../http/principal';
import { parseInput } from '../http/validate';
import { authorizeSpace } from '../sync/spaces';
import { EmptyBody } from './auth.routes';

const BlobParams = z.strictObject({ id: BlobId });
const BlobQuery = z.strictObject({ spaceId: ServerId });

/** Counts the upload's bytes and stops it past the limit (the declared Content-Length may be absent or false). */
async function* capped(body: AsyncIterable<Uint8Array>, max: number, seen: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    seen.bytes += chunk.length;
    // A BlobError (not a ServerError) so the driver passes it through instead of reporting a cut-off upload.
    if (seen.bytes > max) throw new BlobError('TOO_LARGE', `A blob is at most ${max} bytes`);
    yield chunk;
  }
}

/** The space and blob a request names, after checking the caller may `access` that space. */
async function target(ctx: ServerContext, req: FastifyRequest, access: 'read' | 'write'): Promise<{ id: string; spaceId: string }> {
  const { id } = parseInput(BlobParams, req.params);
  const spaceId = parseInput(BlobQuery, req.query).spaceId.toLowerCase();
  await authorizeSpace(ctx, principalOf(req), spaceId, access);
  return { id, spaceId };
}

/** A readable blob of this space: it must have been uploaded to the space (blob_owners), not merely exist. */
async function ownedSize(ctx: ServerContext, spaceId: string, id: string): Promise<number> {
  const row = await ctx.db.selectFrom('blob_owners').select('size').where('space_id', '=', spaceId).where('blob_id', '=', id).executeTakeFirst();
  // SECURITY: a blob another space uploaded is "not found" here, even though its bytes are stored.
  if (!row || !(await ctx.blobs.has(id))) throw notFound('No such blob in this space');
  return Number(row.size);
}

/**
 * Content-addressed blobs (ids are SHA-256 of the encrypted bytes): uploads stream to the blob driver, which
 * verifies the hash and stores atomically; the space that uploaded a blob (blob_owners) is what may read it.
 */
export function registerBlobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const preHandler = requireAuth(ctx);
  // Uploads are not buffered: the request stream itself is the body, capped below.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  app.put('/v1/blobs/:id', { preHandler }, async (req, reply) => {
    const { id, spaceId } = await target(ctx, req, 'write');
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    if (declared !== undefined && declared > ctx.limits.blobBytes) throw new ServerError('TOO_LARGE', `A blob is at most ${ctx.limits.blobBytes} bytes`);
    if (req.headers['content-type'] !== 'application/octet-stream') throw new ServerError('BAD_REQUEST', 'Blobs are uploaded as application/octet-stream');
    const seen = { bytes: 0 };
    await ctx.blobs.put(id, capped(req.body as Readable, ctx.limits.blobBytes, seen), declared);
    await ctx.db
      .insertInto('blob_owners')
      .values({ space_id: spaceId, blob_id: id, size: seen.bytes, created_at: ctx.now() })
      .onConflict((oc) => oc.columns(['space_id', 'blob_id']).doNothing())
      .execute();
    ctx.metrics.inc('hearth_blobs_stored_total');
    return reply.code(204).send();
  });

  app.get('/v1/blobs/:id', { preHandler, exposeHeadRoute: false }, async (req, reply) => {
    parseInput(EmptyBody, req.body);
    const { id, spaceId } = await target(ctx, req, 'read');
    const size = await ownedSize(ctx, spaceId, id);
    const stream = await ctx.blobs.get(id);
    if (!stream) throw notFound('No such blob in this space');
    return reply.type('application/octet-stream').header('content-length', size).send(stream);
  });

  app.head('/v1/blobs/:id', { preHandler }, async (req, reply) => {
    const { id, spaceId } = await target(ctx, req, 'read');
    const size = await ownedSize(ctx, spaceId, id);
    return reply.type('application/octet-stream').header('content-length', size).send();
  });
}
