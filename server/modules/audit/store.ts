import { sql } from 'kysely';
import type { z } from 'zod';
import type { AuditEntry, auditExportQuerySchema } from '../../../protocol/identity.js';
import type { Executor } from '../../db/index.js';
import type { AuditLogTable } from '../../db/schema.js';
import { escapeLike } from '../../lib/text.js';
import { iso } from '../people/present.js';

export type AuditFilter = z.infer<typeof auditExportQuerySchema>;

/** Newest first by id (time-ordered); `beforeId` continues a page. */
export function listAudit(db: Executor, orgId: string, f: AuditFilter, opts: { beforeId: string | null; limit: number }) {
  let q = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (f.action) {
    const action = f.action;
    q = action.includes('.') ? q.where('action', '=', action) : q.where(sql<boolean>`action like ${`${escapeLike(action)}.%`} escape '\\'`);
  }
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.from) q = q.where('at', '>=', Date.parse(f.from));
  if (f.to) q = q.where('at', '<', Date.parse(f.to));
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(actor_label)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(coalesce(target_label, ''))`, 'like', sql`${like} escape '\\'`),
        eb(sql`coalesce(ip, '')`, 'like', sql`${like} escape '\\'`),
      ]),
    );
  }
  if (opts.beforeId) q = q.where('id', '<', opts.beforeId);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

export function toAuditEntry(r: AuditLogTable): AuditEntry {
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(r.details) as Record<string, unknown>;
  } catch {
    // A row written by hand; shown without details rather than failing the whole page.
  }
  return {
    id: r.id,
    at: iso(Number(r.at)),
    actor: { kind: r.actor_kind, id: r.actor_id, label: r.actor_label },
    action: r.action,
    target: r.target_kind ? { kind: r.target_kind, id: r.target_id, label: r.target_label } : null,
    ip: r.ip,
    details,
  };
}
