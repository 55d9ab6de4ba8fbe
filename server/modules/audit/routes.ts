import type { FastifyInstance } from 'fastify';
import { page } from '../../../protocol/api.js';
import { auditEntrySchema, auditExportQuerySchema, auditQuerySchema } from '../../../protocol/identity.js';
import type { AppContext } from '../../context.js';
import { toCsv } from '../../lib/csv.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { requireAdmin } from '../../http/request-context.js';
import { responses, zodApp } from '../../http/route-kit.js';
import { personActor, recordAudit } from './record.js';
import { listAudit, toAuditEntry } from './store.js';

/** An export holds at most this many entries (newest first); narrow the filter for older ones. */
export const AUDIT_EXPORT_LIMIT = 100_000;

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = zodApp(app);
  const tags = ['admin'];

  r.get(
    '/api/v1/admin/audit-log',
    {
      config: { scope: 'audit:read' },
      schema: {
        tags,
        summary: 'The audit log, newest first, filtered by action (or family), actor, target, time, text',
        querystring: auditQuerySchema,
        response: responses({ 200: page(auditEntrySchema) }),
      },
    },
    async (req) => {
      const v = requireAdmin(req);
      const { cursor, limit, ...filter } = req.query;
      const before = decodeCursor<[string]>(cursor, ['string']);
      const rows = await listAudit(ctx.db, v.org.id, filter, { beforeId: before?.[0] ?? null, limit: limit + 1 });
      const more = rows.length > limit;
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items: items.map(toAuditEntry), nextCursor: more && last ? encodeCursor([last.id]) : null };
    },
  );

  r.get(
    '/api/v1/admin/audit-log/export',
    {
      config: { scope: 'audit:read' },
      schema: {
        tags,
        summary: `The audit log as CSV (same filters; at most ${AUDIT_EXPORT_LIMIT} entries, newest first)`,
        querystring: auditExportQuerySchema,
        // No 200 schema: the answer is a CSV file.
      },
    },
    async (req, reply) => {
      const v = requireAdmin(req);
      const rows = await listAudit(ctx.db, v.org.id, req.query, { beforeId: null, limit: AUDIT_EXPORT_LIMIT });
      // Exports are themselves worth knowing about: the log leaves the system.
      await recordAudit(ctx.db, {
        orgId: v.org.id,
        actor: personActor(v.person),
        action: 'audit.exported',
        ip: req.ip,
        details: { entries: rows.length, filter: req.query },
      });
      const csv = toCsv(
        ['time', 'actor_kind', 'actor_id', 'actor', 'action', 'target_kind', 'target_id', 'target', 'ip', 'details'],
        rows.map((r) => [
          new Date(Number(r.at)).toISOString(),
          r.actor_kind,
          r.actor_id,
          r.actor_label,
          r.action,
          r.target_kind,
          r.target_id,
          r.target_label,
          r.ip,
          r.details,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${v.org.slug}.csv"`)
        .send(csv);
    },
  );
}
