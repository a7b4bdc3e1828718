import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/**
 * Parses an untrusted request part (body, query, params) with a protocol schema; strict schemas refuse unknown
 * fields. A failure throws the ZodError, which the error handler answers as BAD_REQUEST / TOO_LARGE.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  return schema.parse(value);
}

/**
 * Sends a response only after parsing it through its protocol schema: a field the schema does not declare (a
 * hash, an internal column) makes the request fail as INTERNAL instead of leaving the server.
 */
export function sendParsed<S extends z.ZodType>(reply: FastifyReply, schema: S, value: z.input<S>, status = 200): FastifyReply {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ResponseSchemaError(parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  const body = parsed.data;
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** A response that does not match its protocol schema: a server bug, answered as INTERNAL (not BAD_REQUEST). */
export class ResponseSchemaError extends Error {
  constructor(paths: string) {
    super(`A response failed its schema at: ${paths}`);
    this.name = 'ResponseSchemaError';
  }
}
