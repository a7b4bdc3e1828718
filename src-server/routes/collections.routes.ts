import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AddMemberRequest,
  CollectionInfo,
  CollectionList,
  CreateCollectionRequest,
  Email,
  PublicKeyLookup,
  RotateKeyRequest,
  ServerId,
} from '../../src-shared/sync/protocol';
import { addMember, createCollection, listCollections, publicKeyOf, removeMember, rotateKey } from '../collections/collections';
import type { ServerContext } from '../context';
import { principalOf, requireAuth } from '../http/principal';
import { parseInput, sendParsed } from '../http/validate';
import { EmptyBody } from './auth.routes';

const NoQuery = z.strictObject({});
const CollectionParams = z.strictObject({ id: ServerId });
const MemberParams = z.strictObject({ id: ServerId, accountId: ServerId });
const PublicKeyQuery = z.strictObject({ email: Email });

/** Shared collections: members, roles and the wrapped collection keys (the server never holds a key it can use). */
export function registerCollectionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const preHandler = requireAuth(ctx);
  const collectionId = (params: unknown) => parseInput(CollectionParams, params).id.toLowerCase();

  app.get('/v1/collections', { preHandler }, async (req, reply) => {
    parseInput(NoQuery, req.query);
    return sendParsed(reply, CollectionList, { collections: await listCollections(ctx, principalOf(req)) });
  });

  app.post('/v1/collections', { preHandler }, async (req, reply) =>
    sendParsed(reply, CollectionInfo, await createCollection(ctx, principalOf(req), parseInput(CreateCollectionRequest, req.body))),
  );

  app.get('/v1/users/public-key', { preHandler }, async (req, reply) => {
    const { email } = parseInput(PublicKeyQuery, req.query);
    return sendParsed(reply, PublicKeyLookup, await publicKeyOf(ctx, email));
  });

  app.post('/v1/collections/:id/members', { preHandler }, async (req, reply) =>
    sendParsed(reply, CollectionInfo, await addMember(ctx, principalOf(req), collectionId(req.params), parseInput(AddMemberRequest, req.body))),
  );

  app.delete('/v1/collections/:id/members/:accountId', { preHandler }, async (req, reply) => {
    parseInput(EmptyBody, req.body);
    const p = parseInput(MemberParams, req.params);
    return sendParsed(reply, CollectionInfo, await removeMember(ctx, principalOf(req), p.id.toLowerCase(), p.accountId.toLowerCase()));
  });

  app.post('/v1/collections/:id/rotate', { preHandler }, async (req, reply) =>
    sendParsed(reply, CollectionInfo, await rotateKey(ctx, principalOf(req), collectionId(req.params), parseInput(RotateKeyRequest, req.body))),
  );
}
