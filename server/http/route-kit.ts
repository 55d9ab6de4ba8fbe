import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../protocol/api.js';

/** The Fastify instance typed by zod schemas: inputs validated, outputs serialized and documented. */
export const zodApp = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Response map with the problem+json shape documented for every error status. */
export function responses<R extends Record<number, z.ZodType>>(ok: R) {
  return { ...ok, '4xx': problemSchema, '5xx': problemSchema };
}

export const noContent = z.null().describe('No content');
export const idParams = z.object({ id: z.uuid('must be an id') }).strict();
